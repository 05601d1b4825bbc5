package social.tsubame.backup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

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
}
