package social.tsubame.health;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each queue's waiting latency, one sample a minute. */
@Component
class QueueLatencySamples {

    private final JdbcTemplate jdbc;

    QueueLatencySamples(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String queue, Instant minute, Duration latency) {
        jdbc.update("""
                INSERT INTO queue_latency_samples (queue, minute, latency_ms) VALUES (?, ?, ?)
                ON CONFLICT (queue, minute) DO UPDATE SET latency_ms = GREATEST(queue_latency_samples.latency_ms,
                                                                                 EXCLUDED.latency_ms)""",
                queue, Timestamp.from(minute), Math.max(0, latency.toMillis()));
    }

    /** The 95th percentile of each queue's samples since the given moment. */
    Map<String, Duration> p95Since(Instant since) {
        Map<String, Duration> p95 = new HashMap<>();
        jdbc.query("""
                SELECT queue, percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FROM queue_latency_samples
                WHERE minute >= ? GROUP BY queue""",
                rs -> {
                    p95.put(rs.getString(1), Duration.ofMillis(Math.round(rs.getDouble(2))));
                },
                Timestamp.from(since));
        return p95;
    }

    /** The queue's newest samples, newest first. */
    List<Duration> newest(String queue, int count) {
        return jdbc.query("SELECT latency_ms FROM queue_latency_samples WHERE queue = ? ORDER BY minute DESC LIMIT ?",
                (row, index) -> Duration.ofMillis(row.getLong(1)), queue, count);
    }

    void pruneBefore(Instant cutoff) {
        jdbc.update("DELETE FROM queue_latency_samples WHERE minute < ?", Timestamp.from(cutoff));
    }
}
