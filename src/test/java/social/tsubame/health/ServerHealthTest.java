package social.tsubame.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import social.tsubame.moderation.AuditLog;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.InboxSink;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TsubameTest
class ServerHealthTest {

    private static final InboxSink CHAT = InboxSink.start("127.0.0.1");
    private static final AtomicLong RUN_IDS = new AtomicLong(System.nanoTime());

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("tsubame.health.alert-webhook-url", () -> CHAT.baseUrl() + "/hooks/ops");
        registry.add("tsubame.health.commitment-backups", () -> "Daily, kept 30 days; a restore is tested weekly.");
        registry.add("tsubame.health.commitment-closing-notice", () -> "Three months' notice.");
    }

    @AfterAll
    static void stopChat() {
        CHAT.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Heartbeats heartbeats;
    @Autowired
    QueueLatencySamples latencies;
    @Autowired
    HealthSampler sampler;
    @Autowired
    ServerHealth health;
    @Autowired
    AuditLog auditLog;

    @Test
    void uptimeIsTheShareOfMinutesWithASampleSinceTheFirstSample() {
        // Two days before now, so the samples the running server writes fall outside every window measured here.
        Instant end = Heartbeats.minuteOf(Instant.now()).minus(Duration.ofDays(2));
        Instant first = end.minus(Duration.ofDays(2));
        jdbc.update("DELETE FROM uptime_heartbeats WHERE minute <= ?", Timestamp.from(end));
        jdbc.update("""
                INSERT INTO uptime_heartbeats (minute)
                SELECT generate_series(?::timestamptz, ?::timestamptz, interval '1 minute') ON CONFLICT DO NOTHING""",
                Timestamp.from(first), Timestamp.from(end));
        // Down for 144 minutes, ten hours before the end.
        Instant downFrom = end.minus(Duration.ofHours(10));
        jdbc.update("DELETE FROM uptime_heartbeats WHERE minute >= ? AND minute < ?", Timestamp.from(downFrom),
                Timestamp.from(downFrom.plus(Duration.ofMinutes(144))));

        // Half a minute into the minute after the end, whose sample is not written yet and does not count.
        Instant now = end.plus(Duration.ofSeconds(90));

        double day = 24 * 60 + 1;
        double sinceFirst = 2 * 24 * 60 + 1;
        assertThat(heartbeats.uptime(Duration.ofHours(24), now)).hasValueSatisfying(
                share -> assertThat(share).isCloseTo((day - 144) / day, within(1e-9)));
        // The server is two days old at the end: the 30 days count only from its first sample.
        assertThat(heartbeats.uptime(Duration.ofDays(30), now)).hasValueSatisfying(
                share -> assertThat(share).isCloseTo((sinceFirst - 144) / sinceFirst, within(1e-9)));
        assertThat(heartbeats.uptime(Duration.ofDays(30), first.plusSeconds(30))).isEmpty();
    }

    @Test
    void healthShowsTheAgeOfTheLastGoodBackupBesideAFailedOneAndTheCommitments() {
        jdbc.update("DELETE FROM backup_runs");
        Instant now = Instant.now();
        insertRun("backup", true, now.minus(Duration.ofHours(3)), "");
        insertRun("backup", false, now.minus(Duration.ofHours(1)), "disk full");
        auditLog.record(null, "suspend", "Account", "1", "spammer@remote.example");
        health.forget();

        ApiClient api = new ApiClient(port);
        ApiClient.Response response = api.get("/api/v1/instance/health", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = JsonMapper.shared().readTree(response.body());
        JsonNode backup = body.path("backups").path("backup");
        assertThat(backup.path("last_failed").asBoolean()).isTrue();
        assertThat(backup.path("last_success_age_seconds").asDouble()).isBetween(3 * 3600.0, 3 * 3600.0 + 300);
        JsonNode verify = body.path("backups").path("verified_restore");
        assertThat(verify.path("last_success_at").isNull() || verify.path("last_success_at").isMissingNode())
                .isTrue();
        assertThat(verify.path("last_failed").asBoolean()).isFalse();
        assertThat(body.path("uptime").propertyNames()).containsExactly("24h", "30d", "90d");
        assertThat(body.path("queues").findValuesAsString("name"))
                .containsExactly("ingress", "ingress:low", "default", "push", "pull");
        assertThat(body.path("moderation").path("actions_30d").asLong())
                .isEqualTo(auditLog.decisionsWithin(Duration.ofDays(30))).isPositive();
        assertThat(body.path("moderation").path("open_reports").asLong()).isEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM reports WHERE action_taken_at IS NULL", Long.class));
        assertThat(body.path("federation").has("reachable_domains")).isTrue();
        assertThat(body.path("software_version").asString()).isNotBlank();
        assertThat(body.path("commitments").path("closing_notice").asString()).isEqualTo("Three months' notice.");

        String page = api.get("/about/health", null).body();
        assertThat(page).contains("Server health", "3 hours ago", "The latest backup failed.",
                "Daily, kept 30 days; a restore is tested weekly.", "Three months&#39;");
        assertThat(page).containsPattern("class=\"verified-restore\"[^>]*>\\s*<span>never</span>");
        assertThat(page).doesNotContain("The latest restore test failed.");
        assertThat(api.get("/about", null).body()).contains("href=\"/about/health\"");

        insertRun("backup", true, Instant.now().minus(Duration.ofMinutes(2)), "");
        health.forget();
        assertThat(api.get("/about/health", null).body()).contains("2 minutes ago")
                .doesNotContain("The latest backup failed.");
    }

    @Test
    void theHealthFiguresAreMetrics() {
        String scrape = new ApiClient(port).get("/actuator/prometheus", null).body();
        assertThat(scrape).containsPattern("(?m)^tsubame_uptime_ratio\\{.*window=\"90d\"")
                .containsPattern("(?m)^tsubame_backup_last_success_age_seconds\\{.*kind=\"verify\"")
                .containsPattern("(?m)^tsubame_backup_last_failed\\{.*kind=\"backup\"")
                .containsPattern("(?m)^tsubame_queue_latency_p95_seconds\\{.*queue=\"push\"")
                .containsPattern("(?m)^tsubame_reports_open\\{")
                .containsPattern("(?m)^tsubame_moderation_actions_30d\\{");
    }

    @Test
    void aFailedBackupIsSentToTheChatOnce() {
        Instant now = Instant.now();
        long id = insertRun("verify", false, now, "row counts differ: statuses");

        sampler.sample(now);
        sampler.sample(now);

        String expected = "a verified restore failed at";
        await().atMost(Duration.ofSeconds(20)).until(() -> !messagesContaining("row counts differ").isEmpty());
        assertThat(messagesContaining("row counts differ")).singleElement().satisfies(body -> {
            JsonNode json = JsonMapper.shared().readTree(body);
            assertThat(json.path("text").asString()).contains(expected).isEqualTo(json.path("content").asString());
        });
        assertThat(CHAT.accepted()).allSatisfy(received -> assertThat(received.path()).isEqualTo("/hooks/ops"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM health_alerts WHERE event_key = ?", Long.class,
                "backup:" + id)).isEqualTo(1);
    }

    @Test
    void aGapInTheHeartbeatsIsSentAsDowntimeOnce() {
        Instant now = Instant.now();
        Instant lastUp = Heartbeats.minuteOf(now).minus(Duration.ofMinutes(30));
        heartbeats.record(lastUp);
        jdbc.update("DELETE FROM uptime_heartbeats WHERE minute > ?", Timestamp.from(lastUp));

        sampler.sample(now);
        sampler.sample(now);

        String expected = "down from " + lastUp.plus(Duration.ofMinutes(1)) + " to " + Heartbeats.minuteOf(now);
        await().atMost(Duration.ofSeconds(20)).until(() -> !messagesContaining(expected).isEmpty());
        assertThat(messagesContaining(expected)).hasSize(1);
    }

    @Test
    void aQueueThatStaysSlowIsSentToTheChatOnce() {
        Instant now = Instant.now();
        Instant minute = Heartbeats.minuteOf(now);
        for (int minutesAgo = 0; minutesAgo < 5; minutesAgo++) {
            latencies.record("pull", minute.minus(Duration.ofMinutes(minutesAgo)), Duration.ofMinutes(4));
        }

        sampler.sample(now);
        sampler.sample(now);

        String expected = "queue pull has kept jobs waiting over 60 s for 5 minutes";
        await().atMost(Duration.ofSeconds(20)).until(() -> !messagesContaining(expected).isEmpty());
        assertThat(messagesContaining(expected)).hasSize(1);
    }

    private List<String> messagesContaining(String text) {
        return CHAT.accepted().stream().map(InboxSink.Received::body).filter(body -> body.contains(text)).toList();
    }

    private long insertRun(String kind, boolean succeeded, Instant finishedAt, String message) {
        long id = RUN_IDS.incrementAndGet();
        jdbc.update("""
                INSERT INTO backup_runs (id, kind, location, succeeded, message, started_at, finished_at)
                VALUES (?, ?, '/var/backups/tsubame', ?, ?, ?, ?)""",
                id, kind, succeeded, message, Timestamp.from(finishedAt.minus(Duration.ofMinutes(1))),
                Timestamp.from(finishedAt));
        return id;
    }
}
