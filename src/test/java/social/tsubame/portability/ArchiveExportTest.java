package social.tsubame.portability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.media.MediaAttachment;
import social.tsubame.media.MediaStorage;
import social.tsubame.media.TestImages;
import social.tsubame.media.UploadMedia;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Visibility;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An archive of one's posts: ActivityStreams JSON and media files in a zip, made by a job, for its owner. */
@TsubameTest
class ArchiveExportTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    PostStatus postStatus;

    @Autowired
    UploadMedia uploadMedia;

    @Autowired
    AccountArchives archives;

    @Autowired
    RequestArchive requestArchive;

    @Autowired
    ExpireAccountArchives expireArchives;

    @Autowired
    MediaStorage storage;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeOrderedIds ids;

    @Test
    void theArchiveHoldsTheActorEveryPostAndItsMedia() throws Exception {
        LocalUsers.ensure(createLocalAccount, accounts, "yara", "zane");
        long yara = accounts.findLocal("yara").orElseThrow().id();
        MediaAttachment picture = uploadMedia.upload(new UploadMedia.Command(yara, TestImages.jpeg(32, 24),
                "a small picture", null));
        postStatus.post(new PostStatus.Command(yara, "first, with a picture", "", false, Visibility.PUBLIC, null,
                null, List.of(picture.id())));
        postStatus.post(new PostStatus.Command(yara, "for followers only", "", false, Visibility.PRIVATE, null,
                null, List.of()));
        ApiClient api = new ApiClient(port);
        String token = api.userToken("yara", LocalUsers.PASSWORD, "read write");
        String readOnly = api.userToken("yara", LocalUsers.PASSWORD, "read");
        assertThat(api.postForm("/api/v1/archives", readOnly, Map.of()).status()).isEqualTo(403);

        ApiClient.Response requested = api.postForm("/api/v1/archives", token, Map.of());
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        String id = requested.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/archives/" + id, token).json().get("state").asString().equals("finished"));
        JsonNode finished = api.get("/api/v1/archives/" + id, token).json();
        assertThat(finished.get("download_url").asString()).isEqualTo("/api/v1/archives/" + id + "/download");
        assertThat(Instant.parse(finished.get("expires_at").asString()))
                .isEqualTo(Instant.parse(finished.get("finished_at").asString()).plus(Duration.ofDays(7)));
        String key = archives.find(Long.parseLong(id)).orElseThrow().fileKey();
        assertThat(key).startsWith("private/");
        assertThat(get("/system/media/" + key, null).statusCode()).as("not at a public URL").isEqualTo(404);

        HttpResponse<byte[]> download = get(finished.get("download_url").asString(), token);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat((long) download.body().length).isEqualTo(finished.get("size").asLong());
        Map<String, byte[]> entries = unzip(download.body());
        assertThat(entries).containsKeys("actor.json", "outbox.json", "media_attachments/" + picture.fileKey());
        JsonMapper json = JsonMapper.shared();
        assertThat(json.readTree(entries.get("actor.json")).get("preferredUsername").asString()).isEqualTo("yara");
        JsonNode outbox = json.readTree(entries.get("outbox.json"));
        assertThat(outbox.get("type").asString()).isEqualTo("OrderedCollection");
        assertThat(outbox.get("totalItems").asInt()).isEqualTo(2);
        JsonNode first = outbox.get("orderedItems").get(0);
        assertThat(first.get("type").asString()).isEqualTo("Create");
        assertThat(first.get("object").get("content").asString()).contains("first, with a picture");
        assertThat(first.get("object").get("attachment").get(0).get("name").asString()).isEqualTo("a small picture");
        assertThat(first.get("published").asString()).isNotEmpty();
        assertThat(outbox.get("orderedItems").get(1).get("object").get("content").asString())
                .contains("for followers only");

        String zane = api.userToken("zane", LocalUsers.PASSWORD, "read");
        assertThat(get(finished.get("download_url").asString(), zane).statusCode()).isEqualTo(404);
        assertThat(get(finished.get("download_url").asString(), null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/archives", zane).json().size()).isZero();
    }

    @Test
    void archivesExpireAfterAWeekAndOneWhoseJobNeverCameIsGivenUpAfterADay() {
        LocalUsers.ensure(createLocalAccount, accounts, "wren");
        long wren = accounts.findLocal("wren").orElseThrow().id();
        Instant now = Instant.now();
        long stuck = ids.next();
        jdbc.update("INSERT INTO account_archives (id, account_id, created_at) VALUES (?, ?, ?)", stuck, wren,
                Timestamp.from(now.minus(Duration.ofHours(25))));
        long kept = ids.next();
        jdbc.update("INSERT INTO account_archives (id, account_id, file_key, file_size, created_at, finished_at) "
                + "VALUES (?, ?, 'private/archives/kept.zip', 1, ?, ?)", kept, wren, Timestamp.from(now),
                Timestamp.from(now));
        storage.put("private/archives/kept.zip", new byte[] {1}, "application/zip");

        AccountArchive again = requestArchive.request(wren);
        assertThat(archives.find(stuck)).as("given up for the new request").isEmpty();

        expireArchives.expire(now.plus(Duration.ofDays(6)));
        assertThat(storage.get("private/archives/kept.zip")).isPresent();
        expireArchives.expire(now.plus(Duration.ofDays(8)));
        assertThat(archives.find(kept)).isEmpty();
        assertThat(storage.get("private/archives/kept.zip")).isEmpty();
        assertThat(archives.find(again.id())).as("written a week before, or given up").isEmpty();
    }

    private HttpResponse<byte[]> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
