package social.tsubame.status;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;

/** An account features one of its own statuses on its profile (pins it), or stops. Both are idempotent. */
@Service
public class PinStatus {

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;

    public PinStatus(JdbcTemplate jdbc, TimeOrderedIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** Pins a status of the account's own; returns false when the status is not its own or is gone. */
    @Transactional
    public boolean pin(long accountId, long statusId) {
        return jdbc.update("""
                INSERT INTO status_pins (id, account_id, status_id)
                SELECT ?, ?, id FROM statuses WHERE id = ? AND account_id = ? AND deleted_at IS NULL
                ON CONFLICT DO NOTHING
                """, ids.next(), accountId, statusId, accountId) > 0;
    }

    @Transactional
    public void unpin(long accountId, long statusId) {
        jdbc.update("DELETE FROM status_pins WHERE account_id = ? AND status_id = ?", accountId, statusId);
    }
}
