package social.tsubame.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;

import org.springframework.stereotype.Component;

import social.tsubame.queue.RedisConnections;
import social.tsubame.queue.RedisKeys;

/**
 * Home feeds: one sorted set of status ids per account in Redis, capped, since nobody scrolls back forever and
 * PostgreSQL can rebuild older pages. Members all have score 0 and are ordered by their text, the id zero-padded to
 * 19 digits: a score is a double, which cannot tell apart ids made in the same millisecond, and paging by
 * {@code max_id} would skip some.
 */
@Component
public class HomeFeeds {

    /** Statuses kept per feed. */
    static final int CAPACITY = 800;
    private static final String ID_FORMAT = "%019d";

    private final RedisConnections connections;
    private final RedisKeys keys;

    public HomeFeeds(RedisConnections connections, RedisKeys keys) {
        this.connections = connections;
        this.keys = keys;
    }

    private String feed(long accountId) {
        return keys.key("feed:home:" + accountId);
    }

    private static String member(long statusId) {
        return String.format(ID_FORMAT, statusId);
    }

    /** Adds a status to many feeds at once, pipelined. */
    public void add(long statusId, Collection<Long> accountIds) {
        RedisAsyncCommands<String, String> redis = connections.shared().async();
        List<RedisFuture<?>> replies = new ArrayList<>(accountIds.size() * 2);
        String member = member(statusId);
        for (long accountId : accountIds) {
            String key = feed(accountId);
            replies.add(redis.zadd(key, 0, member));
            replies.add(redis.zremrangebyrank(key, 0, -CAPACITY - 1));
        }
        await(replies);
    }

    public void remove(long statusId, Collection<Long> accountIds) {
        RedisAsyncCommands<String, String> redis = connections.shared().async();
        List<RedisFuture<?>> replies = new ArrayList<>(accountIds.size());
        for (long accountId : accountIds) {
            replies.add(redis.zrem(feed(accountId), member(statusId)));
        }
        await(replies);
    }

    /** Status ids of a feed, newest first, strictly between the bounds (either may be null). */
    public List<Long> read(long accountId, Long maxId, Long sinceId, int limit) {
        Range<String> range = Range.from(
                sinceId == null ? Range.Boundary.unbounded() : Range.Boundary.excluding(member(sinceId)),
                maxId == null ? Range.Boundary.unbounded() : Range.Boundary.excluding(member(maxId)));
        return connections.shared().sync()
                .zrevrangebylex(feed(accountId), range, Limit.create(0, limit)).stream()
                .map(Long::parseLong)
                .toList();
    }

    /** The page just above {@code minId}: the {@code limit} oldest entries newer than it, newest first. */
    public List<Long> readAbove(long accountId, long minId, int limit) {
        Range<String> range = Range.from(Range.Boundary.excluding(member(minId)), Range.Boundary.unbounded());
        return connections.shared().sync()
                .zrangebylex(feed(accountId), range, Limit.create(0, limit)).stream()
                .map(Long::parseLong)
                .toList()
                .reversed();
    }

    private static void await(List<RedisFuture<?>> replies) {
        for (RedisFuture<?> reply : replies) {
            try {
                reply.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Redis did not take the feed update", e);
            }
        }
    }
}
