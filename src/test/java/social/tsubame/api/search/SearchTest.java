package social.tsubame.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static social.tsubame.testing.LocalUsers.PASSWORD;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Visibility;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.ApiClient.Response;
import social.tsubame.testing.TestServer;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

/** Search as a Mastodon app uses it, with a second server on loopback for what has to be looked up remotely. */
@TsubameTest
@TestPropertySource(properties = "tsubame.federation.allowed-private-addresses=127.0.0.0/8")
class SearchTest {

    private static final String ALL = "read write follow";

    static TestServer remote;

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String alice;
    String bob;
    String carol;

    @BeforeAll
    static void startRemote() {
        remote = TestServer.start("127.0.0.8");
    }

    @AfterAll
    static void stopRemote() {
        remote.close();
    }

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "alice", "bob", "carol");
        alice = api.userToken("alice", PASSWORD, ALL);
        bob = api.userToken("bob", PASSWORD, ALL);
        carol = api.userToken("carol", PASSWORD, ALL);
        api.sendJson("PATCH", "/api/v1/accounts/update_credentials", alice, Map.of("indexable", true));
    }

    @Test
    void publicPostsOfALocalAccountAreSearchedOnlyOnceItOptsIn() {
        localAccount("ines");
        String ines = api.userToken("ines", PASSWORD, ALL);
        api.sendJson("PATCH", "/api/v1/accounts/update_credentials", ines, Map.of("indexable", false));
        String post = post(ines, "A narwhal surfaces", "public");

        assertThat(statusIdsOf(search("narwhal", bob))).doesNotContain(post);
        assertThat(statusIdsOf(search("narwhal", ines))).as("one's own posts").contains(post);

        Response optedIn = api.sendJson("PATCH", "/api/v1/accounts/update_credentials", ines,
                Map.of("indexable", true));
        assertThat(optedIn.json().get("indexable").asBoolean()).isTrue();
        assertThat(optedIn.json().get("noindex").asBoolean()).isFalse();
        assertThat(statusIdsOf(search("narwhal", bob))).contains(post);
    }

    @Test
    void aLocalHandleFindsItsAccountFirst() {
        for (String q : List.of("@alice", "alice", "alice@localhost:8080", "@ALICE@localhost:8080")) {
            JsonNode accountsFound = search(q, bob).get("accounts");
            assertThat(accountsFound.get(0).get("acct").asString()).as(q).isEqualTo("alice");
        }
        assertThat(acctsOf(api.get("/api/v1/accounts/search?q=" + encode("@alice"), bob).json()))
                .first().isEqualTo("alice");
    }

    @Test
    void accountsAreFoundByAPrefixOfTheirUsernameOrOfAWordOfTheirName() {
        Account harriet = localAccount("harriet");
        jdbc.update("UPDATE accounts SET display_name = 'Harriet Quill' WHERE id = ?", harriet.id());

        assertThat(acctsOf(search("harr", bob))).contains("harriet");
        assertThat(acctsOf(search("qui", bob))).contains("harriet");
        assertThat(acctsOf(search("arriet", bob))).doesNotContain("harriet");
        assertThat(acctsOf(search("harr", null))).as("anonymous callers find accounts too").contains("harriet");
        assertThat(acctsOf(api.get("/api/v1/accounts/search?q=qui&following=true", bob).json()))
                .doesNotContain("harriet");
        api.postForm("/api/v1/accounts/" + harriet.id() + "/follow", bob, Map.of());
        assertThat(acctsOf(api.get("/api/v1/accounts/search?q=qui&following=true", bob).json()))
                .containsExactly("harriet");
    }

    @Test
    void hashtagsAreFoundByAPrefixOfTheirName() {
        api.postJson("/api/v1/statuses", alice, Map.of("status", "Look at my #Sunflowers"));

        JsonNode hashtags = search("#sunfl", null).get("hashtags");
        assertThat(hashtags.get(0).get("name").asString()).isEqualTo("Sunflowers");
        assertThat(hashtags.get(0).get("url").asString()).endsWith("/tags/Sunflowers");
        assertThat(hashtags.get(0).get("history").isArray()).isTrue();
        assertThat(api.get("/api/v2/search?type=hashtags&q=SUNFLOWERS", bob).json().get("hashtags").size())
                .isEqualTo(1);
        assertThat(search("flowers", bob).get("hashtags").size()).isZero();
    }

    @Test
    void statusesAreFoundByTheirWordsOnlyWhereTheSearcherMaySeeThem() {
        String visible = post(alice, "A quokka jumps over the fence", "public");
        String followersOnly = post(alice, "A quokka only my followers see", "private");
        String direct = post(alice, "@carol a quokka just for you", "direct");
        String unrelated = post(alice, "Nothing to see here", "public");

        assertThat(statusIdsOf(search("quokka", bob))).contains(visible).doesNotContain(followersOnly, direct,
                unrelated);
        assertThat(statusIdsOf(search("QUOKKA fence", bob))).containsExactly(visible);
        assertThat(statusIdsOf(search("quokka", carol))).contains(visible, direct).doesNotContain(followersOnly);
        assertThat(statusIdsOf(search("quokka", alice))).contains(visible, followersOnly, direct);
        assertThat(statusIdsOf(search("quokka", null))).as("full text needs a signed-in user").isEmpty();
        String aliceId = String.valueOf(accounts.findLocal("alice").orElseThrow().id());
        assertThat(statusIdsOf(api.get("/api/v2/search?type=statuses&q=quokka&account_id="
                + accounts.findLocal("bob").orElseThrow().id(), carol).json())).isEmpty();
        assertThat(statusIdsOf(api.get("/api/v2/search?type=statuses&q=quokka&account_id=" + aliceId, carol)
                .json())).contains(visible);
    }

    @Test
    void theFullTextIndexServesStatusSearch() {
        String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET enable_seqscan = off");
                var rows = statement.executeQuery("EXPLAIN SELECT id FROM statuses s WHERE s.deleted_at IS NULL "
                        + "AND s.reblog_of_id IS NULL AND status_search_document(s.local, s.text, s.content, "
                        + "s.spoiler_text) @@ websearch_to_tsquery('simple', 'quokka')");
                StringBuilder text = new StringBuilder();
                while (rows.next()) {
                    text.append(rows.getString(1)).append('\n');
                }
                statement.execute("RESET enable_seqscan");
                return text.toString();
            }
        });
        assertThat(plan).contains("statuses_search_idx");
    }

    @Test
    void aRemoteHandleIsLookedUpWithWebFingerWhenAskedToResolve() {
        remoteAccount("dana");
        String handle = "@dana@" + remote.domain();

        assertThat(acctsOf(search(handle, bob))).as("unknown until resolved").isEmpty();
        assertThat(api.get("/api/v2/search?resolve=true&q=" + encode(handle), null).status()).isEqualTo(401);

        JsonNode found = api.get("/api/v2/search?resolve=true&q=" + encode(handle), bob).json();
        assertThat(acctsOf(found)).containsExactly("dana@" + remote.domain());
        assertThat(acctsOf(search("dana@" + remote.domain(), carol))).as("known from now on")
                .containsExactly("dana@" + remote.domain());
        assertThat(acctsOf(api.get("/api/v2/search?resolve=true&q=" + encode("@nobody@" + remote.domain()), bob)
                .json())).isEmpty();
    }

    @Test
    void aPastedLinkIsFetchedFromItsServer() {
        Account erin = remoteAccount("erin");
        remote.bean(JdbcTemplate.class).update("UPDATE accounts SET indexable = true WHERE id = ?", erin.id());
        Status post = remote.bean(PostStatus.class).post(new PostStatus.Command(erin.id(), "Greetings from afar",
                null, false, Visibility.PUBLIC, "en", null, List.of()));
        Account frank = remoteAccount("frank");
        Status unsearchable = remote.bean(PostStatus.class).post(new PostStatus.Command(frank.id(),
                "Greetings from elsewhere", null, false, Visibility.PUBLIC, "en", null, List.of()));

        JsonNode found = api.get("/api/v2/search?resolve=true&q=" + encode(post.uri()), bob).json();
        assertThat(found.get("statuses").get(0).get("content").asString()).contains("Greetings from afar");
        assertThat(found.get("statuses").get(0).get("account").get("acct").asString())
                .isEqualTo("erin@" + remote.domain());
        assertThat(statusIdsOf(api.get("/api/v2/search?resolve=true&q=" + encode(unsearchable.uri()), bob).json()))
                .hasSize(1);
        assertThat(search("greetings", carol).get("statuses").valueStream()
                .map(status -> status.get("account").get("acct").asString()).toList())
                .as("remote posts are searched only when their authors opted in")
                .containsExactly("erin@" + remote.domain());
        JsonNode actor = api.get("/api/v2/search?resolve=true&type=accounts&q="
                + encode(remote.baseUrl() + "/users/erin"), bob).json();
        assertThat(acctsOf(actor)).containsExactly("erin@" + remote.domain());

        String local = post(alice, "A local post", "public");
        JsonNode localFound = api.get("/api/v2/search?resolve=true&q=" + encode(
                api.get("/api/v1/statuses/" + local, bob).json().get("url").asString()), bob).json();
        assertThat(statusIdsOf(localFound)).containsExactly(local);
    }

    @Test
    void badParametersAnswerInMastodonsShape() {
        Response missing = api.get("/api/v2/search", bob);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asString()).contains("q");
        Response badType = api.get("/api/v2/search?q=x&type=people", bob);
        assertThat(badType.status()).isEqualTo(422);
        assertThat(badType.json().has("error")).isTrue();
        assertThat(api.get("/api/v2/search?q=x&limit=lots", bob).status()).isEqualTo(422);
        assertThat(api.get("/api/v2/search?q=x&offset=5", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/accounts/search?q=x", null).status()).isEqualTo(401);
    }

    private Account localAccount(String username) {
        return accounts.findLocal(username).orElseGet(() -> createLocalAccount.create(new CreateLocalAccount.Command(
                username, username + "@example.com", PASSWORD, Role.USER)).account());
    }

    private static Account remoteAccount(String username) {
        Accounts remoteAccounts = remote.bean(Accounts.class);
        return remoteAccounts.findLocal(username).orElseGet(() -> remote.bean(CreateLocalAccount.class).create(
                new CreateLocalAccount.Command(username, username + "@example.org", PASSWORD, Role.USER))
                .account());
    }

    private String post(String token, String text, String visibility) {
        return api.postJson("/api/v1/statuses", token, Map.of("status", text, "visibility", visibility)).json()
                .get("id").asString();
    }

    private JsonNode search(String q, String token) {
        Response response = api.get("/api/v2/search?q=" + encode(q), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> acctsOf(JsonNode results) {
        JsonNode list = results.isArray() ? results : results.get("accounts");
        return list.valueStream().map(account -> account.get("acct").asString()).toList();
    }

    private static List<String> statusIdsOf(JsonNode results) {
        return results.get("statuses").valueStream().map(status -> status.get("id").asString()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
