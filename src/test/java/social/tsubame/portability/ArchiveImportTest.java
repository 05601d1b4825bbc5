package social.tsubame.portability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.HandleLookup;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.FakeRemoteServer;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The posts of an archive from another server land on the importer's profile with their dates and audiences, marked
 * as imported, and are sent to no follower.
 */
class ArchiveImportTest {

    private static final String OLD = "https://old.example/users/abe";

    static TestServer server;
    static FakeRemoteServer remote;

    @BeforeAll
    static void start() {
        server = TestServer.start("127.0.0.62");
        remote = FakeRemoteServer.start("127.0.0.63");
        LocalUsers.ensure(server.bean(CreateLocalAccount.class), server.bean(Accounts.class), "abe");
    }

    @AfterAll
    static void stop() {
        remote.close();
        server.close();
    }

    @Test
    void archivedPostsKeepTheirDatesAndReachNoFollower() throws Exception {
        JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
        long abe = server.bean(Accounts.class).findLocal("abe").orElseThrow().id();
        remote.actor("fan");
        Account fan = server.bean(HandleLookup.class).lookUp("fan", remote.domain()).orElseThrow();
        jdbc.update("INSERT INTO follows (id, account_id, target_account_id) VALUES (?, ?, ?)",
                server.bean(TimeOrderedIds.class).next(), fan.id(), abe);
        ApiClient api = new ApiClient(server.baseUrl());
        String token = api.userToken("abe", LocalUsers.PASSWORD, "read write");
        byte[] archive = zip(Map.of("outbox.json", JsonMapper.shared().writeValueAsBytes(Map.of(
                "@context", "https://www.w3.org/ns/activitystreams", "id", OLD + "/outbox",
                "type", "OrderedCollection", "totalItems", 5, "orderedItems", List.of(
                        create("1", "2019-04-01T10:00:00Z", "<p>hello from 2019</p>",
                                List.of("https://www.w3.org/ns/activitystreams#Public"), List.of(OLD + "/followers")),
                        create("2", "2020-05-02T11:30:00Z", "<p>quietly <script>x()</script>public</p>",
                                List.of(OLD + "/followers"), List.of("https://www.w3.org/ns/activitystreams#Public")),
                        create("3", "2021-06-03T12:00:00Z", "<p>followers only</p>", List.of(OLD + "/followers"),
                                List.of()),
                        Map.of("type", "Announce", "id", OLD + "/statuses/4/activity", "object",
                                "https://elsewhere.example/notes/9"),
                        create("5", null, "<p>undated</p>", List.of(), List.of()))))));

        ApiClient.Response started = api.postMultipart("/api/v1/imports", token, Map.of("type", "archive"), "data",
                archive);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String id = started.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/imports/" + id, token).json().get("state").asString().equals("finished"));
        JsonNode done = api.get("/api/v1/imports/" + id, token).json();
        assertThat(done.get("total_items").asInt()).as("the boost stays behind").isEqualTo(4);
        assertThat(done.get("failed_items").asInt()).as("the post without a date").isEqualTo(1);

        List<Map<String, Object>> imported = jdbc.queryForList("""
                SELECT id, content, visibility, created_at, imported_from FROM statuses
                WHERE account_id = ? ORDER BY id""", abe);
        assertThat(imported).extracting(row -> row.get("visibility"))
                .containsExactly("public", "unlisted", "private");
        assertThat(imported.getFirst().get("imported_from")).isEqualTo(OLD + "/statuses/1");
        assertThat(((Timestamp) imported.getFirst().get("created_at")).toInstant())
                .isEqualTo(Instant.parse("2019-04-01T10:00:00Z"));
        assertThat(TimeOrderedIds.timeOf((Long) imported.getFirst().get("id")))
                .isEqualTo(Instant.parse("2019-04-01T10:00:00Z"));
        assertThat((String) imported.get(1).get("content")).doesNotContain("script").contains("public");
        JsonNode profile = api.get("/api/v1/accounts/" + abe + "/statuses", token).json();
        assertThat(profile.get(0).get("content").asString()).contains("followers only");
        assertThat(profile.get(0).get("created_at").asString()).startsWith("2021-06-03T12:00:00");

        ApiClient.Response again = api.postMultipart("/api/v1/imports", token, Map.of("type", "archive"), "data",
                archive);
        String secondId = again.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/imports/" + secondId, token).json().get("state").asString().equals("finished"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM statuses WHERE account_id = ?", Integer.class, abe))
                .as("imported twice, kept once").isEqualTo(3);

        api.postForm("/api/v1/statuses", token, Map.of("status", "new here"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !inboxPosts().isEmpty());
        assertThat(inboxPosts()).as("only the new post went to the follower's server").hasSize(1);
        assertThat(api.postMultipart("/api/v1/imports", token, Map.of("type", "archive"), "data",
                "not a zip".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(422);
        assertThat(api.postMultipart("/api/v1/imports", token, Map.of("type", "archive", "mode", "overwrite"),
                "data", archive).status()).isEqualTo(422);
    }

    private static List<FakeRemoteServer.Received> inboxPosts() {
        return remote.received().stream().filter(received -> received.method().equals("POST")).toList();
    }

    private static Map<String, Object> create(String number, String published, String content, List<String> to,
                                              List<String> cc) {
        Map<String, Object> note = new LinkedHashMap<>(Map.of("id", OLD + "/statuses/" + number,
                "type", "Note", "attributedTo", OLD, "content", content, "to", to, "cc", cc));
        if (published != null) {
            note.put("published", published);
        }
        return Map.of("id", OLD + "/statuses/" + number + "/activity", "type", "Create", "actor", OLD,
                "object", note);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
