package social.tsubame.timeline;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.status.StatusVisibility;

/**
 * Fills a home feed from PostgreSQL when Redis has none for the account (Redis lost its data, or the feed was never
 * made): the newest statuses fan-out would have put there, by the rules of {@link FeedAudience}.
 */
@Component
public class RebuildHomeFeed {

    /** How long a rebuilt feed is trusted before the next read checks it again. */
    private static final Duration TRUSTED = Duration.ofDays(1);

    private final Feeds feeds;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    RebuildHomeFeed(Feeds feeds, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.feeds = feeds;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Called before reading a home feed; cheap when the feed is known to be there. */
    public void ensure(long accountId) {
        String feed = HomeFeeds.feed(accountId);
        if (!feeds.claimRebuild(feed, TRUSTED)) {
            return;
        }
        feeds.addAll(feed, statusIds(accountId));
    }

    /**
     * Fills the feed again from PostgreSQL now, whether or not Redis has it: what it held that fan-out would not put
     * there today (statuses of accounts no longer followed) goes, and statuses fanned out meanwhile stay.
     */
    public void rebuild(long accountId) {
        long since = TimeOrderedIds.lowestAt(clock.instant());
        feeds.replace(HomeFeeds.feed(accountId), statusIds(accountId), since, TRUSTED);
    }

    private List<Long> statusIds(long accountId) {
        return jdbc.queryForList("""
                SELECT s.id FROM statuses s
                WHERE (s.account_id = :viewer
                       OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = :viewer)
                       OR (s.visibility <> 'direct' AND EXISTS (
                               SELECT 1 FROM follows f
                               WHERE f.account_id = :viewer AND f.target_account_id = s.account_id
                                 AND (s.reblog_of_id IS NULL OR f.show_reblogs)
                                 AND (s.in_reply_to_account_id IS NULL OR s.in_reply_to_account_id = s.account_id
                                      OR EXISTS (SELECT 1 FROM follows g WHERE g.account_id = :viewer
                                                 AND g.target_account_id = s.in_reply_to_account_id))
                                 AND %s)))
                  AND (%s)
                ORDER BY s.id DESC LIMIT :capacity""".formatted(FeedAudience.NOT_IN_EXCLUSIVE_LIST,
                        StatusVisibility.condition("s")),
                Map.of("viewer", accountId, "capacity", Feeds.CAPACITY), Long.class);
    }
}
