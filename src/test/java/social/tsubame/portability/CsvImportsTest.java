package social.tsubame.portability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.FollowAccount;
import social.tsubame.core.ServerIdentity;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Visibility;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

/** Mastodon's CSV files imported through the API: checked whole, kept, and done by the import job. */
@TsubameTest
class CsvImportsTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    FollowAccount follow;

    @Autowired
    PostStatus postStatus;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ServerIdentity identity;

    ApiClient api;
    String local;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        local = identity.localDomain();
        LocalUsers.ensure(createLocalAccount, accounts, "oren", "pika", "quill", "rue", "sol");
    }

    @Test
    void aFollowListMakesTheFollowsAndItsProgressReachesTheTotal() {
        String oren = api.userToken("oren", LocalUsers.PASSWORD, "read write");
        JsonNode started = upload(oren, "following", "merge", """
                Account address,Show boosts,Notify on new posts,Languages
                pika@%s,false,true,
                @quill,true,false,"en, ja"
                nobody@%s,true,false,
                pika@%s,false,true,
                """.formatted(local, local, local));
        assertThat(started.get("type").asString()).isEqualTo("following");
        assertThat(started.get("mode").asString()).isEqualTo("merge");
        assertThat(started.get("total_items").asInt()).as("the same line twice counts once").isEqualTo(3);

        JsonNode done = finished(oren, started.get("id").asString());
        assertThat(done.get("processed_items").asInt()).isEqualTo(3);
        assertThat(done.get("imported_items").asInt()).isEqualTo(2);
        assertThat(done.get("failed_items").asInt()).isEqualTo(1);
        assertThat(done.get("finished_at").isNull()).isFalse();
        assertThat(jdbc.queryForMap("""
                SELECT show_reblogs, notify FROM follows
                WHERE account_id = ? AND target_account_id = ?""", id("oren"), id("pika")))
                .isEqualTo(Map.of("show_reblogs", false, "notify", true));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM follows WHERE account_id = ? AND target_account_id = ?""", Integer.class,
                id("oren"), id("quill"))).isEqualTo(1);
        assertThat(api.get("/api/v1/imports", oren).json().get(0).get("id").asString())
                .isEqualTo(started.get("id").asString());
        String pika = api.userToken("pika", LocalUsers.PASSWORD, "read");
        assertThat(api.get("/api/v1/imports/" + started.get("id").asString(), pika).status())
                .as("someone else's import").isEqualTo(404);
    }

    @Test
    void aFileThatDoesNotFitIsRefusedAndNothingOfItIsKept() {
        String rue = api.userToken("rue", LocalUsers.PASSWORD, "read write");
        record Refusal(String type, String file) {
        }
        List<Refusal> refusals = List.of(
                new Refusal("following", "Account address\nnot an address!\n"),
                new Refusal("following", "\"pika@" + local + ",true\n"),
                new Refusal("muting", "Account address,Hide notifications\npia@" + local + ",maybe\n"),
                new Refusal("bookmarks", "Account address\npia@" + local + "\n"),
                new Refusal("bookmarks", "pika@" + local + "\n"),
                new Refusal("domain_blocking", "#domain\nnot a domain\n"),
                new Refusal("blocking", "\n\n"),
                new Refusal("everything", "pika@" + local + "\n"));
        for (Refusal refusal : refusals) {
            ApiClient.Response refused = api.postMultipart("/api/v1/imports", rue,
                    Map.of("type", refusal.type(), "mode", "merge"), "data",
                    refusal.file().getBytes(StandardCharsets.UTF_8));
            assertThat(refused.status()).as(refusal.toString()).isEqualTo(422);
            assertThat(refused.json().get("error").asString()).as(refusal.toString()).startsWith("Validation failed");
        }
        assertThat(api.postMultipart("/api/v1/imports", rue, Map.of("type", "blocking"), "data",
                new byte[] {(byte) 0xff, (byte) 0xfe, 'x'}).status()).as("not UTF-8").isEqualTo(422);
        assertThat(api.postMultipart("/api/v1/imports", rue, Map.of("type", "blocking", "mode", "sideways"),
                "data", "pika\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(422);
        assertThat(api.postMultipart("/api/v1/imports", rue, Map.of("type", "blocking"), "data", null).status())
                .isEqualTo(422);
        String blocksOnly = api.userToken("rue", LocalUsers.PASSWORD, "write:blocks");
        assertThat(api.postMultipart("/api/v1/imports", blocksOnly, Map.of("type", "following"), "data",
                "pika\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
        assertThat(api.postMultipart("/api/v1/imports", null, Map.of("type", "following"), "data",
                "pika\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulk_imports WHERE account_id = ?", Integer.class,
                id("rue"))).isZero();
    }

    @Test
    void blocksMutesDomainsBookmarksAndListsImportToo() {
        String sol = api.userToken("sol", LocalUsers.PASSWORD, "read write");
        Status post = postStatus.post(new PostStatus.Command(id("pika"), "worth keeping", "", false,
                Visibility.PUBLIC, null, null, List.of()));

        finished(sol, upload(sol, "blocking", "merge", "quill@" + local + "\n").get("id").asString());
        finished(sol, upload(sol, "muting", "merge", "Account address,Hide notifications\noren,false\n")
                .get("id").asString());
        finished(sol, upload(sol, "domain_blocking", "merge", "Spam.Example\n").get("id").asString());
        finished(sol, upload(sol, "bookmarks", "merge", post.uri() + "\n").get("id").asString());
        finished(sol, upload(sol, "lists", "merge", "Close friends,pika@" + local + "\n").get("id").asString());

        long me = id("sol");
        assertThat(jdbc.queryForObject("SELECT target_account_id FROM blocks WHERE account_id = ?", Long.class, me))
                .isEqualTo(id("quill"));
        assertThat(jdbc.queryForMap("SELECT target_account_id, hide_notifications FROM mutes WHERE account_id = ?",
                me)).isEqualTo(Map.of("target_account_id", id("oren"), "hide_notifications", false));
        assertThat(jdbc.queryForList("SELECT domain FROM account_domain_blocks WHERE account_id = ?", String.class,
                me)).containsExactly("spam.example");
        assertThat(jdbc.queryForList("SELECT status_id FROM bookmarks WHERE account_id = ?", Long.class, me))
                .containsExactly(post.id());
        assertThat(jdbc.queryForList("""
                SELECT l.title || ':' || la.account_id FROM lists l JOIN list_accounts la ON la.list_id = l.id
                WHERE l.account_id = ?""", String.class, me)).containsExactly("Close friends:" + id("pika"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follows WHERE account_id = ? AND target_account_id = ?",
                Integer.class, me, id("pika"))).as("a list member is followed first").isEqualTo(1);
    }

    @Test
    void overwritingUnfollowsWhomTheFileLeavesOut() {
        LocalUsers.ensure(createLocalAccount, accounts, "tom");
        long tom = id("tom");
        follow.follow(tom, id("pika"), true, false);
        follow.follow(tom, id("quill"), true, false);
        String token = api.userToken("tom", LocalUsers.PASSWORD, "read write");

        finished(token, upload(token, "following", "overwrite", "quill@" + local + "\nrue\n").get("id").asString());

        assertThat(jdbc.queryForList("SELECT target_account_id FROM follows WHERE account_id = ? ORDER BY id",
                Long.class, tom)).containsExactly(id("quill"), id("rue"));
    }

    private JsonNode upload(String token, String type, String mode, String file) {
        ApiClient.Response response = api.postMultipart("/api/v1/imports", token, Map.of("type", type, "mode", mode),
                "data", file.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode finished(String token, String id) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/imports/" + id, token).json().get("state").asString().equals("finished"));
        JsonNode done = api.get("/api/v1/imports/" + id, token).json();
        assertThat(done.get("processed_items").asInt()).isEqualTo(done.get("total_items").asInt());
        return done;
    }

    private long id(String username) {
        return accounts.findLocal(username).orElseThrow().id();
    }
}
