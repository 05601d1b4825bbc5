package social.tsubame.status;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statuses around one in its thread, by reply links alone: whoever shows them checks visibility. Both walks are
 * bounded, so a long thread costs no more than a page.
 */
@Component
public class StatusThreads {

    public static final int MAX_ANCESTORS = 40;
    public static final int MAX_DESCENDANTS = 200;

    private final JdbcTemplate jdbc;

    public StatusThreads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the status replies to, and so on up, oldest first. */
    public List<Long> ancestorIds(long statusId) {
        return jdbc.queryForList("""
                WITH RECURSIVE up(id, parent, depth) AS (
                    SELECT s.id, s.in_reply_to_id, 0 FROM statuses s WHERE s.id = ?
                    UNION ALL
                    SELECT s.id, s.in_reply_to_id, up.depth + 1 FROM statuses s JOIN up ON s.id = up.parent
                    WHERE up.depth < ?)
                SELECT id FROM up WHERE depth > 0 ORDER BY depth DESC""", Long.class, statusId, MAX_ANCESTORS);
    }

    /** The replies to the status and their replies, oldest first. */
    public List<Long> descendantIds(long statusId) {
        return jdbc.queryForList("""
                WITH RECURSIVE down(id) AS (
                    SELECT s.id FROM statuses s WHERE s.in_reply_to_id = ?
                    UNION
                    SELECT s.id FROM statuses s JOIN down ON s.in_reply_to_id = down.id)
                SELECT id FROM down ORDER BY id LIMIT ?""", Long.class, statusId, MAX_DESCENDANTS);
    }
}
