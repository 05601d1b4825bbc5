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
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

@TsubameTest
class FiltersApiTest {


    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String hana;
    String ivo;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "hana", "ivo");
        hana = api.userToken("hana", PASSWORD, "read write");
        ivo = api.userToken("ivo", PASSWORD, "read write");
    }

    @Test
    void aFilterIsCreatedReadChangedAndDeletedWithItsKeywords() {
        JsonNode created = api.postJson("/api/v2/filters", hana, Map.of("title", "Spoilers",
                "context", List.of("home", "public"), "filter_action", "warn", "expires_in", 3600,
                "keywords_attributes", List.of(Map.of("keyword", "finale", "whole_word", true),
                        Map.of("keyword", "plot twist", "whole_word", false)))).json();
        String id = created.get("id").asString();
        assertThat(created.get("title").asString()).isEqualTo("Spoilers");
        assertThat(strings(created.get("context"))).containsExactlyInAnyOrder("home", "public");
        assertThat(created.get("filter_action").asString()).isEqualTo("warn");
        assertThat(created.get("expires_at").isNull()).isFalse();
        assertThat(created.get("keywords")).hasSize(2);
        assertThat(created.get("statuses")).isEmpty();

        String finale = created.get("keywords").get(0).get("id").asString();
        JsonNode updated = api.sendJson("PUT", "/api/v2/filters/" + id, hana, Map.of("title", "TV",
                "filter_action", "hide", "keywords_attributes", List.of(Map.of("id", finale, "_destroy", true),
                        Map.of("keyword", "season"))))
                .json();
        assertThat(updated.get("title").asString()).isEqualTo("TV");
        assertThat(updated.get("filter_action").asString()).isEqualTo("hide");
        assertThat(strings(updated.get("context"))).containsExactlyInAnyOrder("home", "public");
        List<String> keywords = new ArrayList<>();
        updated.get("keywords").forEach(keyword -> keywords.add(keyword.get("keyword").asString()));
        assertThat(keywords).containsExactlyInAnyOrder("plot twist", "season");

        JsonNode added = api.postJson("/api/v2/filters/" + id + "/keywords", hana,
                Map.of("keyword", "episode", "whole_word", false)).json();
        assertThat(added.get("whole_word").asBoolean()).isFalse();
        assertThat(api.get("/api/v2/filters/keywords/" + added.get("id").asString(), hana).json()
                .get("keyword").asString()).isEqualTo("episode");
        assertThat(api.get("/api/v2/filters/" + id + "/keywords", hana).json()).hasSize(3);

        String statusId = post(hana, "a post to filter by itself");
        JsonNode filteredStatus = api.postJson("/api/v2/filters/" + id + "/statuses", hana,
                Map.of("status_id", statusId)).json();
        assertThat(filteredStatus.get("status_id").asString()).isEqualTo(statusId);
        assertThat(api.get("/api/v2/filters/" + id, hana).json().get("statuses")).hasSize(1);
        assertThat(api.delete("/api/v2/filters/statuses/" + filteredStatus.get("id").asString(), hana).status())
                .isEqualTo(200);

        assertThat(ids(api.get("/api/v2/filters", hana).json())).contains(id);
        assertThat(api.delete("/api/v2/filters/" + id, hana).status()).isEqualTo(200);
        assertThat(api.get("/api/v2/filters/" + id, hana).status()).isEqualTo(404);
    }

    @Test
    void anotherAccountsFilterIsNotFound() {
        JsonNode created = createFilter(hana, "Mine", List.of("home"), "warn", "secret");
        String id = created.get("id").asString();
        String keywordId = created.get("keywords").get(0).get("id").asString();

        assertThat(api.get("/api/v2/filters/" + id, ivo).status()).isEqualTo(404);
        assertThat(api.sendJson("PUT", "/api/v2/filters/" + id, ivo, Map.of("title", "Theirs")).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v2/filters/" + id, ivo).status()).isEqualTo(404);
        assertThat(api.get("/api/v2/filters/keywords/" + keywordId, ivo).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v2/filters/" + id + "/keywords", ivo, Map.of("keyword", "x")).status())
                .isEqualTo(404);
        assertThat(ids(api.get("/api/v2/filters", ivo).json())).doesNotContain(id);
        assertThat(api.get("/api/v2/filters/" + id, hana).status()).isEqualTo(200);
    }

    @Test
    void aWarningFilterMarksMatchingStatusesInTheHomeTimeline() {
        String word = uniqueWord();
        JsonNode filter = createFilter(hana, "Warned", List.of("home"), "warn", word);
        String matching = post(hana, "<b>Today</b> " + word.toUpperCase() + " again");
        String other = post(hana, "nothing to see, " + word + "ish only");

        JsonNode home = homeContaining(hana, other);
        JsonNode marked = byId(home, matching);
        assertThat(marked.get("filtered")).hasSize(1);
        assertThat(marked.get("filtered").get(0).get("filter").get("id").asString())
                .isEqualTo(filter.get("id").asString());
        assertThat(strings(marked.get("filtered").get(0).get("keyword_matches"))).containsExactly(word);
        assertThat(byId(home, other).get("filtered")).isEmpty();
    }

    @Test
    void aHidingFilterLeavesMatchingStatusesOutOfThePublicTimeline() {
        String word = uniqueWord();
        createFilter(hana, "Hidden", List.of("public"), "hide", word);
        String matching = post(ivo, "about " + word + " today");

        assertThat(ids(api.get("/api/v1/timelines/public?limit=40", hana).json())).doesNotContain(matching);
        assertThat(ids(api.get("/api/v1/timelines/public?limit=40", ivo).json())).contains(matching);
    }

    @Test
    void aFilterForNotificationsLeavesTheHomeTimelineAlone() {
        String word = uniqueWord();
        createFilter(hana, "Quiet", List.of("notifications"), "hide", word);
        String matching = post(hana, "mentioning " + word);

        assertThat(byId(homeContaining(hana, matching), matching).get("filtered")).isEmpty();
    }

    @Test
    void anExpiredFilterNoLongerApplies() {
        String word = uniqueWord();
        JsonNode filter = createFilter(hana, "Old", List.of("home", "public"), "hide", word);
        jdbc.update("UPDATE custom_filters SET expires_at = now() - interval '1 minute' WHERE id = ?",
                Long.parseLong(filter.get("id").asString()));
        String matching = post(hana, "still " + word);

        assertThat(byId(homeContaining(hana, matching), matching).get("filtered")).isEmpty();
        assertThat(ids(api.get("/api/v1/timelines/public?limit=40", hana).json())).contains(matching);
    }

    private JsonNode createFilter(String token, String title, List<String> context, String action, String keyword) {
        ApiClient.Response response = api.postJson("/api/v2/filters", token, Map.of("title", title,
                "context", context, "filter_action", action,
                "keywords_attributes", List.of(Map.of("keyword", keyword, "whole_word", true))));
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private String post(String token, String text) {
        return api.postJson("/api/v1/statuses", token, Map.of("status", text, "visibility", "public")).json()
                .get("id").asString();
    }

    private JsonNode homeContaining(String token, String statusId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(api.get("/api/v1/timelines/home?limit=40", token)
                .json()).contains(statusId));
        return api.get("/api/v1/timelines/home?limit=40", token).json();
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
        return "word" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
