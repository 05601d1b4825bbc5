package social.tsubame.health;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The minutes in which the server ran, one row each however many processes wrote it. */
@Component
class Heartbeats {

    private final JdbcTemplate jdbc;

    Heartbeats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static Instant minuteOf(Instant moment) {
        return moment.truncatedTo(ChronoUnit.MINUTES);
    }

    void record(Instant minute) {
        jdbc.update("INSERT INTO uptime_heartbeats (minute) VALUES (?) ON CONFLICT DO NOTHING", Timestamp.from(minute));
    }

    /** The newest minute with a sample before the given one: where a gap, if any, began. */
    Optional<Instant> latestBefore(Instant minute) {
        Timestamp latest = jdbc.queryForObject("SELECT max(minute) FROM uptime_heartbeats WHERE minute < ?",
                Timestamp.class, Timestamp.from(minute));
        return Optional.ofNullable(latest).map(Timestamp::toInstant);
    }

    /**
     * The share of minutes with a sample in the window ending at the last minute completed before {@code now},
     * counted from the server's first sample when that is later than the window's start; empty before the first
     * sample. The minute still running is left out: its sample may not be written yet.
     */
    Optional<Double> uptime(Duration window, Instant now) {
        Instant end = minuteOf(now).minus(Duration.ofMinutes(1));
        Timestamp first = jdbc.queryForObject("SELECT min(minute) FROM uptime_heartbeats", Timestamp.class);
        if (first == null || first.toInstant().isAfter(end)) {
            return Optional.empty();
        }
        Instant start = first.toInstant().isAfter(end.minus(window)) ? first.toInstant() : end.minus(window);
        long minutes = Duration.between(start, end).toMinutes() + 1;
        Long samples = jdbc.queryForObject("SELECT count(*) FROM uptime_heartbeats WHERE minute >= ? AND minute <= ?",
                Long.class, Timestamp.from(start), Timestamp.from(end));
        return Optional.of(Math.min(1.0, (samples == null ? 0 : samples) / (double) minutes));
    }

    void pruneBefore(Instant cutoff) {
        jdbc.update("DELETE FROM uptime_heartbeats WHERE minute < ?", Timestamp.from(cutoff));
    }
}
