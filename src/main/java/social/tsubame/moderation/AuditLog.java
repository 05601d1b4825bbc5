package social.tsubame.moderation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.TimeOrderedIds;

/**
 * What moderators and admins did. Every action that changes what others may see or do is written here, in the
 * transaction of the change, so the log never misses one nor tells of one that did not happen.
 */
@Component
public class AuditLog {

    /**
     * @param actorAccountId the moderator's account; null when the operator acted from the command line
     * @param targetType     what kind of thing was acted on: {@code Account}, {@code Report}, {@code DomainBlock}…
     * @param summary        whom or what it touched, readable without a lookup (e.g. {@code carol@remote.example})
     */
    public record Entry(long id, Long actorAccountId, String action, String targetType, String targetId,
                        String summary, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;

    public AuditLog(JdbcTemplate jdbc, TimeOrderedIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public void record(Long actorAccountId, String action, String targetType, String targetId, String summary) {
        jdbc.update("""
                INSERT INTO admin_action_logs (id, account_id, action, target_type, target_id, summary)
                VALUES (?, ?, ?, ?, ?, ?)""",
                ids.next(), actorAccountId, action, targetType, targetId, summary == null ? "" : summary);
    }

    /** The newest entries first, older than {@code maxId} when given. */
    public List<Entry> newest(Long maxId, int limit) {
        return jdbc.query("""
                SELECT id, account_id, action, target_type, target_id, summary, created_at FROM admin_action_logs
                WHERE (?::bigint IS NULL OR id < ?) ORDER BY id DESC LIMIT ?""",
                (row, index) -> new Entry(row.getLong("id"), (Long) row.getObject("account_id"),
                        row.getString("action"), row.getString("target_type"), row.getString("target_id"),
                        row.getString("summary"), row.getTimestamp("created_at").toInstant()),
                maxId, maxId, limit);
    }

    /**
     * How many decisions moderators made within the given time before now. One decision may write several entries
     * (a suspension, the warning that explains it, the report it settles); they share their transaction's time.
     */
    public long decisionsWithin(Duration window) {
        Long count = jdbc.queryForObject("""
                SELECT count(DISTINCT (account_id, created_at)) FROM admin_action_logs WHERE created_at > ?""",
                Long.class, Timestamp.from(Instant.now().minus(window)));
        return count == null ? 0 : count;
    }
}
