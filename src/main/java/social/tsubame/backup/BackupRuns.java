package social.tsubame.backup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import social.tsubame.core.TimeOrderedIds;

/**
 * Every backup and every verify in {@code backup_runs}: a row while it runs (succeeded NULL), finished with its
 * outcome. The health page and its alerts read them.
 */
@Repository
public class BackupRuns {

    public enum Kind {
        BACKUP, VERIFY;

        String column() {
            return name().toLowerCase();
        }
    }

    /** A backup or verify that failed, for the operator's alerts. */
    public record FailedRun(long id, Kind kind, String location, String message, Instant finishedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;

    BackupRuns(JdbcTemplate jdbc, TimeOrderedIds ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** @return the id of the run's row */
    long started(Kind kind, String location) {
        long id = ids.next();
        jdbc.update("INSERT INTO backup_runs (id, kind, location, started_at) VALUES (?, ?, ?, ?)",
                id, kind.column(), location, Timestamp.from(clock.instant()));
        return id;
    }

    void succeeded(long id, String location, String message, long bytes) {
        jdbc.update("""
                UPDATE backup_runs SET succeeded = true, location = ?, message = ?, bytes = ?, finished_at = ?
                WHERE id = ?
                """, location, message, bytes, Timestamp.from(clock.instant()), id);
    }

    void failed(long id, String location, String message) {
        jdbc.update("""
                UPDATE backup_runs SET succeeded = false, location = ?, message = ?, finished_at = ? WHERE id = ?
                """, location, message, Timestamp.from(clock.instant()), id);
    }

    /** Whether a backup began at or after {@code since}, whatever its outcome: a scheduled slot already taken. */
    boolean backupStartedSince(Instant since) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM backup_runs WHERE kind = 'backup' AND started_at >= ?)",
                Boolean.class, Timestamp.from(since)));
    }

    public Optional<Instant> lastSuccess(Kind kind) {
        Timestamp finished = jdbc.queryForObject(
                "SELECT max(finished_at) FROM backup_runs WHERE kind = ? AND succeeded", Timestamp.class,
                kind.column());
        return Optional.ofNullable(finished).map(Timestamp::toInstant);
    }

    /** Whether the newest finished run of the kind failed. */
    public boolean lastFailed(Kind kind) {
        List<Boolean> newest = jdbc.queryForList("""
                SELECT succeeded FROM backup_runs WHERE kind = ? AND finished_at IS NOT NULL
                ORDER BY finished_at DESC LIMIT 1""", Boolean.class, kind.column());
        return !newest.isEmpty() && Boolean.FALSE.equals(newest.getFirst());
    }

    public List<FailedRun> failedSince(Instant since) {
        return jdbc.query("""
                SELECT id, kind, location, message, finished_at FROM backup_runs
                WHERE succeeded = false AND finished_at >= ? ORDER BY finished_at""",
                (row, index) -> new FailedRun(row.getLong("id"), Kind.valueOf(row.getString("kind").toUpperCase()),
                        row.getString("location"), row.getString("message"),
                        row.getTimestamp("finished_at").toInstant()),
                Timestamp.from(since));
    }
}
