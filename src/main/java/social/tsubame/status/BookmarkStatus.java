package social.tsubame.status;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;

/** An account keeps a status for later, privately; both ways are idempotent. */
@Service
public class BookmarkStatus {

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;

    public BookmarkStatus(JdbcTemplate jdbc, TimeOrderedIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    @Transactional
    public void bookmark(long accountId, long statusId) {
        jdbc.update("""
                INSERT INTO bookmarks (id, account_id, status_id) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", ids.next(), accountId, statusId);
    }

    @Transactional
    public void unbookmark(long accountId, long statusId) {
        jdbc.update("DELETE FROM bookmarks WHERE account_id = ? AND status_id = ?", accountId, statusId);
    }
}
