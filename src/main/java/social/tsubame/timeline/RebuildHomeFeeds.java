package social.tsubame.timeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.Progress;

/**
 * The operator's rebuild of home feeds from PostgreSQL: of one local account, or of every local account in use (the
 * ones fan-out still writes to; the others are rebuilt when they come back anyway).
 */
@Component
public class RebuildHomeFeeds {

    private final RebuildHomeFeed rebuildHomeFeed;
    private final JdbcTemplate jdbc;
    private final long inactiveAfterSeconds;

    RebuildHomeFeeds(RebuildHomeFeed rebuildHomeFeed, JdbcTemplate jdbc,
                     @Value("${tsubame.feeds.inactive-after}") Duration inactiveAfter) {
        this.rebuildHomeFeed = rebuildHomeFeed;
        this.jdbc = jdbc;
        this.inactiveAfterSeconds = inactiveAfter.toSeconds();
    }

    /** Rebuilds the feed of the local account named {@code username}; false when there is none. */
    public boolean rebuild(String username) {
        Optional<Long> accountId = jdbc.queryForList(
                "SELECT id FROM accounts WHERE domain IS NULL AND lower(username) = lower(?)", Long.class, username)
                .stream().findFirst();
        accountId.ifPresent(rebuildHomeFeed::rebuild);
        return accountId.isPresent();
    }

    /** Rebuilds the feeds of the local accounts used within the inactivity period; returns how many. */
    public int rebuildActive(Progress progress) {
        List<Long> accountIds = jdbc.queryForList("""
                SELECT a.id FROM accounts a JOIN users u ON u.account_id = a.id
                WHERE a.domain IS NULL AND a.suspended_at IS NULL AND NOT u.disabled
                  AND u.current_sign_in_at > now() - make_interval(secs => ?)
                ORDER BY a.id""", Long.class, inactiveAfterSeconds);
        progress.total(accountIds.size());
        for (long accountId : accountIds) {
            rebuildHomeFeed.rebuild(accountId);
            progress.advance(1);
        }
        return accountIds.size();
    }
}
