package social.tsubame.account;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the local followers of an account to the account it moved to: each follows the new one (a request, if it is
 * remote or locked) and stops following the old, which is marked as moved. Running it again moves nobody twice.
 */
@Service
public class MoveFollowers {

    private final JdbcTemplate jdbc;
    private final FollowAccount followAccount;
    private final UnfollowAccount unfollowAccount;

    public MoveFollowers(JdbcTemplate jdbc, FollowAccount followAccount, UnfollowAccount unfollowAccount) {
        this.jdbc = jdbc;
        this.followAccount = followAccount;
        this.unfollowAccount = unfollowAccount;
    }

    @Transactional
    public int move(long fromAccountId, long toAccountId) {
        jdbc.update("UPDATE accounts SET moved_to_account_id = ?, updated_at = now() WHERE id = ?", toAccountId,
                fromAccountId);
        List<long[]> followers = jdbc.query("""
                SELECT f.account_id, f.show_reblogs::int FROM follows f JOIN accounts a ON a.id = f.account_id
                WHERE f.target_account_id = ? AND a.domain IS NULL
                """, (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, fromAccountId);
        for (long[] follower : followers) {
            if (follower[0] != toAccountId) {
                followAccount.follow(follower[0], toAccountId, follower[1] == 1, false);
            }
            unfollowAccount.unfollow(follower[0], fromAccountId);
        }
        return followers.size();
    }
}
