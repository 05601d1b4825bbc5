package social.tsubame.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.BlockEvents.AccountBlocked;
import social.tsubame.account.BlockEvents.AccountUnblocked;
import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;

/**
 * A local account blocks another: follows between them end both ways, and the other side's server is told. Blocking
 * or unblocking twice changes nothing and tells nobody again.
 */
@Service
public class BlockAccount {

    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final UnfollowAccount unfollow;
    private final RejectFollowRequest reject;
    private final DomainEvents events;

    public BlockAccount(Accounts accounts, JdbcTemplate jdbc, TimeOrderedIds ids, UnfollowAccount unfollow,
                        RejectFollowRequest reject, DomainEvents events) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.ids = ids;
        this.unfollow = unfollow;
        this.reject = reject;
        this.events = events;
    }

    @Transactional
    public void block(long localAccountId, long targetId) {
        if (localAccountId == targetId) {
            throw ApiException.unprocessable("You cannot block yourself");
        }
        accounts.findById(targetId).orElseThrow(ApiException::notFound);
        long id = ids.next();
        int added = jdbc.update("INSERT INTO blocks (id, account_id, target_account_id) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", id, localAccountId, targetId);
        if (added == 0) {
            return;
        }
        unfollow.unfollow(localAccountId, targetId);
        reject.reject(localAccountId, targetId);
        events.publish(new AccountBlocked(id, localAccountId, targetId));
    }

    @Transactional
    public void unblock(long localAccountId, long targetId) {
        jdbc.queryForList("DELETE FROM blocks WHERE account_id = ? AND target_account_id = ? RETURNING id",
                Long.class, localAccountId, targetId)
                .forEach(id -> events.publish(new AccountUnblocked(id, localAccountId, targetId)));
    }
}
