package social.tsubame.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.backup.BackupRuns;
import social.tsubame.instance.SoftwareVersion;
import social.tsubame.moderation.AuditLog;
import social.tsubame.queue.JobStreams;
import social.tsubame.queue.QueueName;

/**
 * Computes the {@link HealthReport} and keeps it for a short while, so that a busy health page or a scrape of the
 * metrics costs a handful of queries every half minute, not per request.
 */
@Component
public class ServerHealth {

    static final Map<String, Duration> UPTIME_WINDOWS = windows();

    private final Heartbeats heartbeats;
    private final QueueLatencySamples latencies;
    private final BackupRuns backups;
    private final JobStreams streams;
    private final AuditLog auditLog;
    private final SoftwareVersion version;
    private final JdbcTemplate jdbc;
    private final HealthProperties properties;
    private final Clock clock;
    private volatile HealthReport cached;

    ServerHealth(Heartbeats heartbeats, QueueLatencySamples latencies, BackupRuns backups, JobStreams streams,
                 AuditLog auditLog, SoftwareVersion version, JdbcTemplate jdbc, HealthProperties properties,
                 Clock clock) {
        this.heartbeats = heartbeats;
        this.latencies = latencies;
        this.backups = backups;
        this.streams = streams;
        this.auditLog = auditLog;
        this.version = version;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    private static Map<String, Duration> windows() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("24h", Duration.ofHours(24));
        windows.put("30d", Duration.ofDays(30));
        windows.put("90d", Duration.ofDays(90));
        return windows;
    }

    /** The report, computed at most once per {@code tsubame.health.cache-for}, however many ask at once. */
    public HealthReport report() {
        HealthReport report = cached;
        return isFresh(report) ? report : refresh();
    }

    private synchronized HealthReport refresh() {
        HealthReport report = cached;
        if (!isFresh(report)) {
            report = compute(clock.instant());
            cached = report;
        }
        return report;
    }

    private boolean isFresh(HealthReport report) {
        return report != null && !report.generatedAt().plus(properties.cacheFor()).isBefore(clock.instant());
    }

    /** Forgets the kept report, for tests that change what it shows. */
    void forget() {
        cached = null;
    }

    private HealthReport compute(Instant now) {
        Map<String, Double> uptime = new LinkedHashMap<>();
        UPTIME_WINDOWS.forEach((name, window) -> uptime.put(name, heartbeats.uptime(window, now).orElse(null)));
        return new HealthReport(now, uptime, queues(now), federation(),
                backup(BackupRuns.Kind.BACKUP), backup(BackupRuns.Kind.VERIFY), version.version(),
                count("SELECT count(*) FROM reports WHERE action_taken_at IS NULL"),
                auditLog.decisionsWithin(Duration.ofDays(30)),
                new HealthReport.Commitments(properties.commitmentBackups(), properties.commitmentClosingNotice()));
    }

    private List<HealthReport.QueueLatency> queues(Instant now) {
        Map<String, Duration> p95 = latencies.p95Since(now.minus(Duration.ofHours(24)));
        List<HealthReport.QueueLatency> queues = new ArrayList<>();
        for (QueueName queue : QueueName.values()) {
            queues.add(new HealthReport.QueueLatency(queue.queueName(), currentLatency(queue),
                    p95.get(queue.queueName())));
        }
        return queues;
    }

    /** The queue's latency now; null while Redis cannot be read, so that the page still shows the rest. */
    private Duration currentLatency(QueueName queue) {
        try {
            return streams.snapshot(queue).oldestAge();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private HealthReport.Federation federation() {
        return jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE unavailable_since IS NULL),
                       count(*) FILTER (WHERE unavailable_since IS NOT NULL)
                FROM instances""", (row, index) -> new HealthReport.Federation(row.getLong(1), row.getLong(2)));
    }

    private HealthReport.Backup backup(BackupRuns.Kind kind) {
        return new HealthReport.Backup(backups.lastSuccess(kind).orElse(null), backups.lastFailed(kind));
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
