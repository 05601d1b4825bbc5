package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static social.tsubame.testing.LocalUsers.PASSWORD;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

/** Filters (v1), each one keyword of a filter (v2), as older apps still use them. */
@TsubameTest
class LegacyFiltersApiTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    ApiClient api;
    String ulla;
    String vito;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "ulla", "vito");
        ulla = api.userToken("ulla", PASSWORD, "read write");
        vito = api.userToken("vito", PASSWORD, "read write");
    }

    @Test
    void aFilterIsCreatedReadChangedAndDeletedAsAppsSendIt() {
        String phrase = uniqueWord();
        ApiClient.Response created = api.postForm("/api/v1/filters", ulla, Map.of("phrase", phrase,
                "context[]", "home", "irreversible", "true", "whole_word", "false", "expires_in", "3600"));
        assertThat(created.status()).isEqualTo(200);
        JsonNode filter = created.json();
        String id = filter.get("id").asString();
        assertThat(filter.get("phrase").asString()).isEqualTo(phrase);
        assertThat(strings(filter.get("context"))).containsExactly("home");
        assertThat(filter.get("irreversible").asBoolean()).isTrue();
        assertThat(filter.get("whole_word").asBoolean()).isFalse();
        assertThat(filter.get("expires_at").isNull()).isFalse();

        assertThat(ids(api.get("/api/v1/filters", ulla).json())).contains(id);
        assertThat(api.get("/api/v1/filters/" + id, ulla).json().get("phrase").asString()).isEqualTo(phrase);
        JsonNode asV2 = v2WithKeyword(ulla, id);
        assertThat(asV2.get("title").asString()).isEqualTo(phrase);
        assertThat(asV2.get("filter_action").asString()).isEqualTo("hide");

        String changedPhrase = uniqueWord();
        JsonNode updated = api.sendJson("PUT", "/api/v1/filters/" + id, ulla, Map.of("phrase", changedPhrase,
                "context", List.of("home", "public"), "irreversible", false)).json();
        assertThat(updated.get("id").asString()).isEqualTo(id);
        assertThat(updated.get("phrase").asString()).isEqualTo(changedPhrase);
        assertThat(strings(updated.get("context"))).containsExactlyInAnyOrder("home", "public");
        assertThat(updated.get("irreversible").asBoolean()).isFalse();
        assertThat(updated.get("whole_word").asBoolean()).as("kept").isFalse();
        assertThat(v2WithKeyword(ulla, id).get("filter_action").asString()).isEqualTo("warn");
        assertThat(updated.get("expires_at").isNull()).as("kept").isFalse();

        JsonNode neverExpires = api.sendJson("PUT", "/api/v1/filters/" + id, ulla, Map.of("expires_in", "")).json();
        assertThat(neverExpires.get("expires_at").isNull()).isTrue();
        JsonNode expiresAgain = api.sendJson("PUT", "/api/v1/filters/" + id, ulla, Map.of("expires_in", 600))
                .json();
        assertThat(expiresAgain.get("expires_at").isNull()).isFalse();
        assertThat(api.sendJson("PUT", "/api/v1/filters/" + id, ulla, Map.of("expires_in", "soon")).status())
                .isEqualTo(422);

        String v2Id = asV2.get("id").asString();
        assertThat(api.delete("/api/v1/filters/" + id, ulla).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/filters/" + id, ulla).status()).isEqualTo(404);
        assertThat(api.get("/api/v2/filters/" + v2Id, ulla).status()).as("its only keyword went").isEqualTo(404);
    }

    @Test
    void eachKeywordOfAFilterIsAFilterOfItsOwnWhoseSharedPartsStayPut() {
        String first = uniqueWord();
        String second = uniqueWord();
        JsonNode v2 = api.postJson("/api/v2/filters", ulla, Map.of("title", "Two words", "context", List.of("home"),
                "filter_action", "warn", "keywords_attributes", List.of(Map.of("keyword", first),
                        Map.of("keyword", second)))).json();
        List<String> keywordIds = ids(v2.get("keywords"));

        List<JsonNode> legacy = new ArrayList<>();
        api.get("/api/v1/filters", ulla).json().forEach(filter -> {
            if (keywordIds.contains(filter.get("id").asString())) {
                legacy.add(filter);
            }
        });
        assertThat(legacy).hasSize(2);
        assertThat(legacy).allSatisfy(filter -> assertThat(strings(filter.get("context"))).containsExactly("home"));

        ApiClient.Response refused = api.sendJson("PUT", "/api/v1/filters/" + keywordIds.getFirst(), ulla,
                Map.of("context", List.of("public")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("error").asString()).contains("several keywords");
        ApiClient.Response wholeWord = api.sendJson("PUT", "/api/v1/filters/" + keywordIds.getFirst(), ulla,
                Map.of("whole_word", false));
        assertThat(wholeWord.status()).as("a keyword's own part may change").isEqualTo(200);

        assertThat(api.delete("/api/v1/filters/" + keywordIds.getFirst(), ulla).status()).isEqualTo(200);
        JsonNode left = api.get("/api/v2/filters/" + v2.get("id").asString(), ulla).json();
        assertThat(ids(left.get("keywords"))).containsExactly(keywordIds.get(1));
    }

    @Test
    void filtersActOnTimelines() {
        String hidden = uniqueWord();
        String warned = uniqueWord();
        api.postForm("/api/v1/filters", ulla, Map.of("phrase", hidden, "context[]", "public",
                "irreversible", "true"));
        String warning = api.postForm("/api/v1/filters", ulla, Map.of("phrase", warned, "context[]", "home"))
                .json().get("id").asString();

        String hiddenStatus = post(ulla, "about " + hidden);
        String warnedStatus = post(ulla, "about " + warned);

        await().atMost(Duration.ofSeconds(10)).until(() -> ids(api.get("/api/v1/timelines/home?limit=40", ulla)
                .json()).contains(warnedStatus));
        JsonNode home = byId(api.get("/api/v1/timelines/home?limit=40", ulla).json(), warnedStatus);
        assertThat(home.get("filtered")).hasSize(1);
        assertThat(home.get("filtered").get(0).get("keyword_matches").get(0).asString()).isEqualTo(warned);
        assertThat(home.get("filtered").get(0).get("filter").get("id").asString())
                .isEqualTo(v2WithKeyword(ulla, warning).get("id").asString());

        assertThat(ids(api.get("/api/v1/timelines/public?limit=40", ulla).json())).doesNotContain(hiddenStatus);
        assertThat(ids(api.get("/api/v1/timelines/public?limit=40", vito).json())).contains(hiddenStatus);
    }

    @Test
    void badInputOthersFiltersAndScopesAreRefused() {
        ApiClient.Response noPhrase = api.postForm("/api/v1/filters", ulla, Map.of("context[]", "home"));
        assertThat(noPhrase.status()).isEqualTo(422);
        assertThat(noPhrase.json().get("error").asString()).isNotBlank();
        assertThat(api.postForm("/api/v1/filters", ulla, Map.of("phrase", "x")).status()).isEqualTo(422);
        assertThat(api.postForm("/api/v1/filters", ulla, Map.of("phrase", "x", "context[]", "nowhere")).status())
                .isEqualTo(422);

        String id = api.postForm("/api/v1/filters", ulla, Map.of("phrase", uniqueWord(), "context[]", "home"))
                .json().get("id").asString();
        assertThat(api.get("/api/v1/filters/" + id, vito).status()).isEqualTo(404);
        assertThat(api.sendJson("PUT", "/api/v1/filters/" + id, vito, Map.of("phrase", "mine")).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/filters/" + id, vito).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/filters", vito).json())).doesNotContain(id);

        String statusesOnly = api.userToken("ulla", PASSWORD, "read:statuses write:statuses");
        assertThat(api.get("/api/v1/filters", statusesOnly).status()).isEqualTo(403);
        assertThat(api.postForm("/api/v1/filters", statusesOnly, Map.of("phrase", "x", "context[]", "home"))
                .status()).isEqualTo(403);
        String readOnly = api.userToken("ulla", PASSWORD, "read:filters");
        assertThat(api.get("/api/v1/filters/" + id, readOnly).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/filters/" + id, readOnly).status()).isEqualTo(403);
    }

    /** The v2 filter holding the keyword that is this v1 filter. */
    private JsonNode v2WithKeyword(String token, String keywordId) {
        for (JsonNode filter : api.get("/api/v2/filters", token).json()) {
            if (ids(filter.get("keywords")).contains(keywordId)) {
                return filter;
            }
        }
        throw new AssertionError("no filter holds keyword " + keywordId);
    }

    private String post(String token, String text) {
        return api.postJson("/api/v1/statuses", token, Map.of("status", text, "visibility", "public")).json()
                .get("id").asString();
    }

    private static JsonNode byId(JsonNode statuses, String id) {
        for (JsonNode status : statuses) {
            if (status.get("id").asString().equals(id)) {
                return status;
            }
        }
        throw new AssertionError("no status " + id);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asString()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(node -> strings.add(node.asString()));
        return strings;
    }

    private static String uniqueWord() {
        return "phrase" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
