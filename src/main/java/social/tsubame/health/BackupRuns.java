package social.tsubame.health;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the health page reads of the backups and verified restores the backup command records. */
@Component
class BackupRuns {

    enum Kind { BACKUP, VERIFY }

    record FailedRun(long id, Kind kind, String location, String message, Instant finishedAt) {
    }

    private final JdbcTemplate jdbc;

    BackupRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> lastSuccess(Kind kind) {
        Timestamp finished = jdbc.queryForObject(
                "SELECT max(finished_at) FROM backup_runs WHERE kind = ? AND succeeded", Timestamp.class, name(kind));
        return Optional.ofNullable(finished).map(Timestamp::toInstant);
    }

    /** Whether the newest finished run of the kind failed. */
    boolean lastFailed(Kind kind) {
        List<Boolean> newest = jdbc.queryForList("""
                SELECT succeeded FROM backup_runs WHERE kind = ? AND finished_at IS NOT NULL
                ORDER BY finished_at DESC LIMIT 1""", Boolean.class, name(kind));
        return !newest.isEmpty() && Boolean.FALSE.equals(newest.getFirst());
    }

    List<FailedRun> failedSince(Instant since) {
        return jdbc.query("""
                SELECT id, kind, location, message, finished_at FROM backup_runs
                WHERE succeeded = false AND finished_at >= ? ORDER BY finished_at""",
                (row, index) -> new FailedRun(row.getLong("id"), Kind.valueOf(row.getString("kind").toUpperCase()),
                        row.getString("location"), row.getString("message"),
                        row.getTimestamp("finished_at").toInstant()),
                Timestamp.from(since));
    }

    private static String name(Kind kind) {
        return kind.name().toLowerCase();
    }
}
