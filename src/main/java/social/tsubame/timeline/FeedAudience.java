package social.tsubame.timeline;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.status.Status;

/**
 * Whose home feed a status belongs in: the local followers of its author who came by lately (a feed of someone
 * long gone is rebuilt from PostgreSQL when they return, see {@link RebuildHomeFeed}); for a reply, only those who
 * also follow the account replied to, as on Mastodon; never those who keep the author in an exclusive list, whose
 * list feed takes it instead. Also the local accounts it mentions, and its author when local.
 */
@Component
public class FeedAudience {

    /** On a follow {@code f}: the follower keeps the followed account in none of its exclusive lists. */
    static final String NOT_IN_EXCLUSIVE_LIST = """
            NOT EXISTS (SELECT 1 FROM list_accounts la JOIN lists l ON l.id = la.list_id
                        WHERE la.account_id = f.target_account_id AND l.account_id = f.account_id AND l.exclusive)""";

    private final JdbcTemplate jdbc;
    private final long inactiveAfterSeconds;

    public FeedAudience(JdbcTemplate jdbc, @Value("${tsubame.feeds.inactive-after}") Duration inactiveAfter) {
        this.jdbc = jdbc;
        this.inactiveAfterSeconds = inactiveAfter.toSeconds();
    }

    public Set<Long> of(Status status) {
        Set<Long> audience = new LinkedHashSet<>();
        if (status.isLocal()) {
            audience.add(status.accountId());
        }
        if (status.visibility().reachesFollowers()) {
            audience.addAll(localFollowers(status));
        }
        audience.addAll(jdbc.queryForList("""
                SELECT m.account_id FROM mentions m JOIN accounts a ON a.id = m.account_id
                WHERE m.status_id = ? AND a.domain IS NULL
                """, Long.class, status.id()));
        return audience;
    }

    private List<Long> localFollowers(Status status) {
        Long repliedTo = status.inReplyToAccountId();
        if (repliedTo == null || repliedTo == status.accountId()) {
            return jdbc.queryForList("""
                    SELECT f.account_id FROM follows f JOIN users u ON u.account_id = f.account_id
                    WHERE f.target_account_id = ? AND u.current_sign_in_at > now() - make_interval(secs => ?)
                      AND %s
                    """.formatted(NOT_IN_EXCLUSIVE_LIST), Long.class, status.accountId(), inactiveAfterSeconds);
        }
        return jdbc.queryForList("""
                SELECT f.account_id FROM follows f JOIN users u ON u.account_id = f.account_id
                WHERE f.target_account_id = ? AND u.current_sign_in_at > now() - make_interval(secs => ?) AND %s
                  AND EXISTS (SELECT 1 FROM follows g WHERE g.account_id = f.account_id
                                                        AND g.target_account_id = ?)
                """.formatted(NOT_IN_EXCLUSIVE_LIST), Long.class, status.accountId(), inactiveAfterSeconds,
                repliedTo);
    }

    /** Everyone who may have it in their feed: for removal, which must not miss anyone. */
    public Set<Long> everyonePossible(long authorId, long statusId) {
        Set<Long> audience = new LinkedHashSet<>(jdbc.queryForList("""
                SELECT f.account_id FROM follows f JOIN accounts a ON a.id = f.account_id
                WHERE f.target_account_id = ? AND a.domain IS NULL
                """, Long.class, authorId));
        audience.add(authorId);
        audience.addAll(jdbc.queryForList("SELECT account_id FROM mentions WHERE status_id = ?", Long.class,
                statusId));
        return audience;
    }

}
