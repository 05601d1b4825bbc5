package social.tsubame.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import social.tsubame.account.Account;
import social.tsubame.admin.CommandRunner.Result;
import social.tsubame.core.ClusterLock;
import social.tsubame.core.Progress;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.federation.BlockDomain;
import social.tsubame.federation.DomainBlock;
import social.tsubame.federation.UnblockDomain;
import social.tsubame.federation.inbound.RemoteActors;
import social.tsubame.media.RemoteMediaCache;
import social.tsubame.queue.DomainEvents;
import social.tsubame.status.ReceiveRemoteStatus;
import social.tsubame.status.RemoteMedia;
import social.tsubame.status.Status;
import social.tsubame.status.StatusEvents.StatusCreated;
import social.tsubame.status.Visibility;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.FakeRemoteServer;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

/**
 * Copies of remote media: made on arrival, served from here, removed by age, by budget and when their server's media
 * is rejected, rows kept.
 */
@TsubameTest
@TestPropertySource(properties = {"tsubame.federation.allowed-private-addresses=127.0.0.0/8",
        "tsubame.media.remote-cache.retention-days=30", "tsubame.media.remote-cache.upkeep-interval=200ms"})
class RemoteMediaCacheTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeOrderedIds ids;

    @Autowired
    RemoteActors remoteActors;

    @Autowired
    ReceiveRemoteStatus receiveRemoteStatus;

    @Autowired
    RemoteMediaCache cache;

    @Autowired
    MeterRegistry metrics;

    @Autowired
    BlockDomain blockDomain;

    @Autowired
    DomainEvents events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UnblockDomain unblockDomain;

    @Test
    void remoteMediaIsCopiedOnArrivalAndLosesOnlyItsFileWhenOld() throws Exception {
        try (FakeRemoteServer remote = FakeRemoteServer.start("127.0.0.62")) {
            byte[] picture = "a picture of a sunset".getBytes();
            String pictureUrl = remote.serveFile("/media/sunset.png", "image/png", picture);
            String pageUrl = remote.serveFile("/media/trap.html", "text/html", "<script>alert(1)</script>".getBytes());
            String avatarUrl = remote.serveFile("/media/avatar.jpg", "image/jpeg", "a face".getBytes());
            FakeRemoteServer.Actor fay = remote.actor("fay");
            remote.reviseActor(fay, "icon", Map.of("type", "Image", "url", avatarUrl));
            Account account = remoteActors.fetch(fay.uri());
            Status status = receiveRemoteStatus.receive(new ReceiveRemoteStatus.RemoteStatus(account.id(),
                    remote.baseUrl() + "/notes/1", null, "<p>sunset</p>", null, false, Visibility.PUBLIC, "en",
                    null, null, Instant.now(), List.of(), List.of(), List.of(
                            new RemoteMedia("image", pageUrl, "image/png", "not a picture", null, null, null, null,
                                    null),
                            new RemoteMedia("image", pictureUrl, "image/png", "a sunset", null, null, null, 640, 480)),
                    List.of())).orElseThrow();

            await().atMost(Duration.ofSeconds(30)).until(() -> fileKeyOf(pictureUrl) != null
                    && avatarFileOf(account.id()) != null);
            assertThat(remote.received()).extracting(FakeRemoteServer.Received::path)
                    .as("the page was fetched, and not kept").contains("/media/trap.html");
            assertThat(fileKeyOf(pageUrl)).isNull();
            assertThat(jdbc.queryForObject("SELECT byte_size FROM cached_remote_files WHERE file_key = ?", Long.class,
                    fileKeyOf(pictureUrl))).isEqualTo(picture.length);

            String copy = "http://localhost:" + port + URI.create(urlShown(status, pictureUrl)).getPath();
            assertThat(copy).contains("/system/media/cache/attachments/");
            assertThat(get(copy).body()).isEqualTo(picture);
            assertThat(avatarShown(account)).contains("/system/media/cache/avatars/");

            jdbc.update("UPDATE cached_remote_files SET cached_at = now() - interval '10 days' WHERE file_key = ?",
                    fileKeyOf(pictureUrl));
            Result removed = CommandRunner.withBeansOf(context, "media", "remove-remote", "--days", "7");

            assertThat(removed.exitCode()).isZero();
            assertThat(removed.out()).contains("1/1 cached remote files").contains("Removed 1 files");
            assertThat(jdbc.queryForMap("SELECT file_key, file_size, status_id FROM media_attachments "
                    + "WHERE remote_url = ?", pictureUrl)).containsEntry("file_key", null)
                    .containsEntry("file_size", null).containsEntry("status_id", status.id());
            assertThat(get(copy).statusCode()).isEqualTo(404);
            assertThat(urlShown(status, pictureUrl)).isEqualTo(pictureUrl);
            assertThat(avatarFileOf(account.id())).as("a copy made today stays").isNotNull();
            assertThat(CommandRunner.withBeansOf(context, "media", "remove-remote", "--days", "-1").exitCode())
                    .isEqualTo(2);
        }
    }

    @Test
    void overBudgetTheOldestCopiesGoFirstUntilTheRestFit() {
        cache.removeOlderThan(Duration.ZERO, Progress.NONE);
        List<Long> attachments = remoteAttachments("budget.example", 5);
        for (int i = 0; i < attachments.size(); i++) {
            assertThat(cache.keepAttachment(attachments.get(i), new byte[1000], "image/png")).isTrue();
            jdbc.update("UPDATE cached_remote_files SET cached_at = now() - make_interval(hours => ?) "
                    + "WHERE media_attachment_id = ?", 10 - i, attachments.get(i));
        }
        assertThat(cache.keepAttachment(attachments.getFirst(), new byte[1000], "image/png"))
                .as("one copy per attachment").isFalse();
        assertThat(cache.cachedBytes()).isEqualTo(5000);

        RemoteMediaCache.Removed removed = cache.evictOverBudget(2500);

        assertThat(removed).isEqualTo(new RemoteMediaCache.Removed(3, 3000));
        assertThat(attachments.stream().map(this::fileKeyOf).map(key -> key != null).toList())
                .containsExactly(false, false, false, true, true);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM media_attachments WHERE id IN (?, ?, ?, ?, ?) "
                + "AND remote_url IS NOT NULL", Long.class, attachments.toArray())).isEqualTo(5);
        assertThat(cache.cachedBytes()).isEqualTo(2000);
        assertThat(cache.evictOverBudget(2500)).isEqualTo(new RemoteMediaCache.Removed(0, 0));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                metrics.get("tsubame.media.remote.cache").gauge().value() == 2000);
        assertThat(new ApiClient(port).get("/actuator/prometheus", null).body())
                .containsPattern("(?m)^tsubame_media_remote_cache_bytes\\S* 2000");
    }

    @Test
    void workersRemoveCopiesPastTheRetentionOnTheirOwn() {
        List<Long> attachments = remoteAttachments("retention.example", 2);
        cache.keepAttachment(attachments.get(0), new byte[10], "image/jpeg");
        cache.keepAttachment(attachments.get(1), new byte[10], "image/jpeg");
        jdbc.update("UPDATE cached_remote_files SET cached_at = now() - interval '40 days' "
                + "WHERE media_attachment_id = ?", attachments.get(0));

        await().atMost(Duration.ofSeconds(30)).until(() -> fileKeyOf(attachments.get(0)) == null);
        assertThat(fileKeyOf(attachments.get(1))).isNotNull();
    }

    @Test
    void removingWaitsForTheProcessThatHoldsTheLock() throws Exception {
        List<Long> attachments = remoteAttachments("waiting.example", 1);
        cache.keepAttachment(attachments.getFirst(), new byte[10], "image/webp");
        ClusterLock.Held held = await().atMost(Duration.ofSeconds(30)).until(cache::tryLock, Optional::isPresent)
                .orElseThrow();
        CompletableFuture<Result> removal = CompletableFuture.supplyAsync(() ->
                CommandRunner.withBeansOf(context, "media", "remove-remote", "--days", "0"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", Long.class) > 0);

        assertThat(fileKeyOf(attachments.getFirst())).as("nothing removed while the lock is held").isNotNull();
        held.close();
        Result removed = removal.get(30, TimeUnit.SECONDS);

        assertThat(removed.exitCode()).isZero();
        assertThat(removed.err()).contains("Waiting for another process");
        assertThat(fileKeyOf(attachments.getFirst())).isNull();
    }

    @Test
    void rejectingAServersMediaRemovesTheCopiesOfIt() throws Exception {
        List<Long> rejected = remoteAttachments("pictures.rejected.example", 1);
        List<Long> kept = remoteAttachments("pictures.kept.example", 1);
        long rejectedAccount = jdbc.queryForObject("SELECT account_id FROM media_attachments WHERE id = ?",
                Long.class, rejected.getFirst());
        jdbc.update("UPDATE accounts SET avatar_remote_url = 'https://pictures.rejected.example/face.png' "
                + "WHERE id = ?", rejectedAccount);
        assertThat(cache.keepAttachment(rejected.getFirst(), new byte[10], "image/png")).isTrue();
        assertThat(cache.keepAttachment(kept.getFirst(), new byte[10], "image/png")).isTrue();
        assertThat(cache.keepProfileImage(rejectedAccount, RemoteMediaCache.Kind.AVATAR,
                "https://pictures.rejected.example/face.png", new byte[10], "image/png")).isTrue();
        String copy = "http://localhost:" + port + "/system/media/" + fileKeyOf(rejected.getFirst());
        assertThat(get(copy).statusCode()).isEqualTo(200);

        DomainBlock block = blockDomain.block(null, new BlockDomain.Command("rejected.example",
                DomainBlock.Severity.NOOP, true, false, null, null, false));
        try {
            assertThat(avatarFileOf(rejectedAccount)).as("the avatar's copy stops showing at once").isNull();
            await().atMost(Duration.ofSeconds(30)).until(() -> fileKeyOf(rejected.getFirst()) == null);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM cached_remote_files WHERE account_id = ? "
                    + "OR media_attachment_id = ?", Long.class, rejectedAccount, rejected.getFirst())).isZero();
            assertThat(get(copy).statusCode()).isEqualTo(404);
            assertThat(fileKeyOf(kept.getFirst())).as("another server's copy stays").isNotNull();
        } finally {
            unblockDomain.unblock(null, block.id());
        }
    }

    @Test
    void onlyARemotePostWithMediaQueuesTheirFetch() {
        long withMedia = ids.next();
        long withoutMedia = ids.next();
        List<String> fetches = transactions.execute(transaction -> {
            events.publish(new StatusCreated(withMedia, 1, false, Visibility.PUBLIC, true));
            events.publish(new StatusCreated(withoutMedia, 1, false, Visibility.PUBLIC, false));
            transaction.setRollbackOnly();
            return jdbc.queryForList("SELECT payload FROM outbox WHERE queue = 'pull' "
                    + "AND (payload LIKE ? OR payload LIKE ?)", String.class,
                    "%" + withMedia + "%", "%" + withoutMedia + "%");
        });
        assertThat(fetches).singleElement().asString().contains(String.valueOf(withMedia));
    }

    /** A remote account with one post carrying {@code count} attachments that have no copy yet. */
    private List<Long> remoteAttachments(String domain, int count) {
        long account = ids.next();
        jdbc.update("INSERT INTO accounts (id, username, domain, uri) VALUES (?, 'poster', ?, ?)", account, domain,
                "https://" + domain + "/users/poster");
        long status = ids.next();
        jdbc.update("INSERT INTO statuses (id, account_id, uri, content) VALUES (?, ?, ?, '<p>pictures</p>')", status,
                account, "https://" + domain + "/notes/" + status);
        List<Long> attachments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = ids.next();
            jdbc.update("""
                    INSERT INTO media_attachments (id, account_id, status_id, type, remote_url)
                    VALUES (?, ?, ?, 'image', ?)""", id, account, status, "https://" + domain + "/media/" + i + ".png");
            attachments.add(id);
        }
        return attachments;
    }

    private String fileKeyOf(String remoteUrl) {
        return jdbc.queryForObject("SELECT file_key FROM media_attachments WHERE remote_url = ?", String.class,
                remoteUrl);
    }

    private String fileKeyOf(long attachmentId) {
        return jdbc.queryForObject("SELECT file_key FROM media_attachments WHERE id = ?", String.class, attachmentId);
    }

    private String avatarFileOf(long accountId) {
        return jdbc.queryForObject("SELECT avatar_file FROM accounts WHERE id = ?", String.class, accountId);
    }

    private String urlShown(Status status, String remoteUrl) {
        for (JsonNode media : new ApiClient(port).get("/api/v1/statuses/" + status.id(), null).json()
                .path("media_attachments")) {
            if (media.path("remote_url").asString().equals(remoteUrl)) {
                return media.path("url").asString();
            }
        }
        throw new AssertionError("No attachment from " + remoteUrl);
    }

    private String avatarShown(Account account) {
        return new ApiClient(port).get("/api/v1/accounts/" + account.id(), null).json().path("avatar").asString();
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
