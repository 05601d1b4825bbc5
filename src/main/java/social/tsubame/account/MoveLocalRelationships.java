package social.tsubame.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What local accounts had with an account that moved, carried to the account it moved to, as Mastodon does: each
 * local follower follows the new one (a request, if it is remote or locked) and stops following the old, which is
 * marked as moved; who blocked or muted the old account blocks or mutes the new one, unless they follow it. Running
 * it again moves nobody twice.
 */
@Service
public class MoveLocalRelationships {

    private final JdbcTemplate jdbc;
    private final FollowAccount followAccount;
    private final UnfollowAccount unfollowAccount;
    private final BlockAccount blockAccount;
    private final MuteAccount muteAccount;
    private final Clock clock;

    public MoveLocalRelationships(JdbcTemplate jdbc, FollowAccount followAccount, UnfollowAccount unfollowAccount,
                                  BlockAccount blockAccount, MuteAccount muteAccount, Clock clock) {
        this.jdbc = jdbc;
        this.followAccount = followAccount;
        this.unfollowAccount = unfollowAccount;
        this.blockAccount = blockAccount;
        this.muteAccount = muteAccount;
        this.clock = clock;
    }

    /** @return how many local followers were moved */
    @Transactional
    public int move(long fromAccountId, long toAccountId) {
        jdbc.update("UPDATE accounts SET moved_to_account_id = ?, updated_at = now() WHERE id = ?", toAccountId,
                fromAccountId);
        int followers = moveFollowers(fromAccountId, toAccountId);
        carryBlocksOver(fromAccountId, toAccountId);
        carryMutesOver(fromAccountId, toAccountId);
        return followers;
    }

    private int moveFollowers(long fromAccountId, long toAccountId) {
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

    private void carryBlocksOver(long fromAccountId, long toAccountId) {
        jdbc.queryForList("""
                SELECT b.account_id FROM blocks b JOIN accounts a ON a.id = b.account_id
                WHERE b.target_account_id = ? AND a.domain IS NULL AND b.account_id <> ?
                  AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.account_id = b.account_id
                                                            AND f.target_account_id = ?)
                """, Long.class, fromAccountId, toAccountId, toAccountId)
                .forEach(blocker -> blockAccount.block(blocker, toAccountId));
    }

    /** A mute for a while stays one for the time it had left. */
    private void carryMutesOver(long fromAccountId, long toAccountId) {
        record Mute(long accountId, boolean hideNotifications, Timestamp expiresAt) {
        }
        List<Mute> mutes = jdbc.query("""
                SELECT m.account_id, m.hide_notifications, m.expires_at FROM mutes m
                JOIN accounts a ON a.id = m.account_id
                WHERE m.target_account_id = ? AND a.domain IS NULL AND m.account_id <> ?
                  AND (m.expires_at IS NULL OR m.expires_at > now())
                  AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.account_id = m.account_id
                                                            AND f.target_account_id = ?)
                  AND NOT EXISTS (SELECT 1 FROM mutes o WHERE o.account_id = m.account_id
                                                          AND o.target_account_id = ?)
                """, (rs, i) -> new Mute(rs.getLong(1), rs.getBoolean(2), rs.getTimestamp(3)),
                fromAccountId, toAccountId, toAccountId, toAccountId);
        for (Mute mute : mutes) {
            Duration left = mute.expiresAt() == null ? null
                    : Duration.between(clock.instant(), mute.expiresAt().toInstant());
            if (left == null || left.isPositive()) {
                muteAccount.mute(mute.accountId(), toAccountId, mute.hideNotifications(), left);
            }
        }
    }
}
