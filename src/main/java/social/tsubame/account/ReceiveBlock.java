package social.tsubame.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;

/**
 * A remote account blocks a local one: the block is recorded (so the blocker gets nothing more from the blocked) and
 * follows between the two end, both ways. Unblocking removes the record; the follows stay gone.
 */
@Service
public class ReceiveBlock {

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final UnfollowAccount unfollow;
    private final RejectFollowRequest reject;

    public ReceiveBlock(JdbcTemplate jdbc, TimeOrderedIds ids, UnfollowAccount unfollow, RejectFollowRequest reject) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.unfollow = unfollow;
        this.reject = reject;
    }

    @Transactional
    public void block(long blockerId, long targetId, String uri) {
        jdbc.update("INSERT INTO blocks (id, account_id, target_account_id, uri) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", ids.next(), blockerId, targetId, uri);
        unfollow.unfollow(targetId, blockerId);
        reject.reject(targetId, blockerId);
    }

    @Transactional
    public void unblock(long blockerId, long targetId) {
        jdbc.update("DELETE FROM blocks WHERE account_id = ? AND target_account_id = ?", blockerId, targetId);
    }

    /** Undoes a block named by its activity id; returns whether there was one. */
    @Transactional
    public boolean unblockByUri(long blockerId, String uri) {
        return jdbc.update("DELETE FROM blocks WHERE account_id = ? AND uri = ?", blockerId, uri) > 0;
    }
}
