package social.tsubame.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;

import org.springframework.stereotype.Component;

import social.tsubame.queue.RedisConnections;
import social.tsubame.queue.RedisKeys;

/**
 * Feeds of status ids in Redis, one sorted set per feed name ({@code home:42}, {@code list:7}), capped, since nobody
 * scrolls back forever and PostgreSQL can rebuild older pages. Members all have score 0 and are ordered by their
 * text, the id zero-padded to 19 digits: a score is a double, which cannot tell apart ids made in the same
 * millisecond, and paging by {@code max_id} would skip some.
 */
@Component
class Feeds {

    /** Statuses kept per feed. */
    static final int CAPACITY = 800;
    private static final String ID_FORMAT = "%019d";

    private final RedisConnections connections;
    private final RedisKeys keys;

    Feeds(RedisConnections connections, RedisKeys keys) {
        this.connections = connections;
        this.keys = keys;
    }

    private String key(String feed) {
        return keys.key("feed:" + feed);
    }

    private static String member(long statusId) {
        return String.format(ID_FORMAT, statusId);
    }

    /** Adds a status to many feeds at once, pipelined. */
    void add(long statusId, Collection<String> feeds) {
        RedisAsyncCommands<String, String> redis = connections.shared().async();
        List<RedisFuture<?>> replies = new ArrayList<>(feeds.size() * 2);
        String member = member(statusId);
        for (String feed : feeds) {
            replies.add(redis.zadd(key(feed), 0, member));
            replies.add(redis.zremrangebyrank(key(feed), 0, -CAPACITY - 1));
        }
        await(replies);
    }

    /** Adds many statuses to one feed, pipelined. */
    void addAll(String feed, Collection<Long> statusIds) {
        RedisAsyncCommands<String, String> redis = connections.shared().async();
        List<RedisFuture<?>> replies = new ArrayList<>(statusIds.size() + 1);
        for (long statusId : statusIds) {
            replies.add(redis.zadd(key(feed), 0, member(statusId)));
        }
        replies.add(redis.zremrangebyrank(key(feed), 0, -CAPACITY - 1));
        await(replies);
    }

    void remove(long statusId, Collection<String> feeds) {
        RedisAsyncCommands<String, String> redis = connections.shared().async();
        List<RedisFuture<?>> replies = new ArrayList<>(feeds.size());
        for (String feed : feeds) {
            replies.add(redis.zrem(key(feed), member(statusId)));
        }
        await(replies);
    }

    /**
     * True for the first caller in {@code period} for this feed: the one that should fill it from PostgreSQL. The
     * mark lives beside the feed, so a Redis that lost its data has lost the mark too.
     */
    boolean claimRebuild(String feed, Duration period) {
        return "OK".equals(connections.shared().sync().set(key(feed) + ":built",
                "1", SetArgs.Builder.nx().ex(period)));
    }

    void drop(String feed) {
        connections.shared().sync().unlink(key(feed));
    }

    /** Status ids of a feed, newest first, strictly between the bounds (either may be null). */
    List<Long> read(String feed, Long maxId, Long sinceId, int limit) {
        Range<String> range = Range.from(
                sinceId == null ? Range.Boundary.unbounded() : Range.Boundary.excluding(member(sinceId)),
                maxId == null ? Range.Boundary.unbounded() : Range.Boundary.excluding(member(maxId)));
        return connections.shared().sync()
                .zrevrangebylex(key(feed), range, Limit.create(0, limit)).stream()
                .map(Long::parseLong)
                .toList();
    }

    /** The page just above {@code minId}: the {@code limit} oldest entries newer than it, newest first. */
    List<Long> readAbove(String feed, long minId, int limit) {
        Range<String> range = Range.from(Range.Boundary.excluding(member(minId)), Range.Boundary.unbounded());
        return connections.shared().sync()
                .zrangebylex(key(feed), range, Limit.create(0, limit)).stream()
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
