package social.tsubame.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;

/**
 * A local account stops seeing another's posts, and optionally its notifications, for a while or for good. Unlike a
 * block, nobody else is told.
 */
@Service
public class MuteAccount {

    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;

    public MuteAccount(Accounts accounts, JdbcTemplate jdbc, TimeOrderedIds ids, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** @param duration how long the mute lasts; zero or null for good */
    @Transactional
    public void mute(long accountId, long targetId, boolean hideNotifications, Duration duration) {
        if (accountId == targetId) {
            throw ApiException.unprocessable("You cannot mute yourself");
        }
        accounts.findById(targetId).orElseThrow(ApiException::notFound);
        Instant now = clock.instant();
        Timestamp expiresAt = duration == null || duration.isZero() ? null : Timestamp.from(now.plus(duration));
        jdbc.update("""
                INSERT INTO mutes (id, account_id, target_account_id, hide_notifications, expires_at, created_at,
                                   updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id, target_account_id) DO UPDATE
                SET hide_notifications = excluded.hide_notifications, expires_at = excluded.expires_at,
                    updated_at = excluded.updated_at""",
                ids.next(), accountId, targetId, hideNotifications, expiresAt, Timestamp.from(now),
                Timestamp.from(now));
    }

    @Transactional
    public void unmute(long accountId, long targetId) {
        jdbc.update("DELETE FROM mutes WHERE account_id = ? AND target_account_id = ?", accountId, targetId);
    }
}
