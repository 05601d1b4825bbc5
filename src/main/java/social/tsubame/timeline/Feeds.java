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

import social.tsubame.queue.LuaScript;
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
    private static final int FEEDS_PER_SCRIPT = 500;

    /** Adds ARGV[1] to every feed named in KEYS, trimming each to ARGV[2] entries. */
    private static final LuaScript ADD_TO_FEEDS = new LuaScript("""
            local capacity = tonumber(ARGV[2])
            for _, feed in ipairs(KEYS) do
              redis.call('ZADD', feed, 0, ARGV[1])
              if redis.call('ZCARD', feed) > capacity then
                redis.call('ZREMRANGEBYRANK', feed, 0, -capacity - 1)
              end
            end
            return #KEYS
            """);

    /**
     * Replaces what a feed holds below ARGV[1] (an id made when the rebuild began, so that statuses fanned out since
     * stay) with ARGV[4..], trims to ARGV[2] entries and sets the rebuild mark KEYS[2] for ARGV[3] seconds.
     */
    private static final LuaScript REPLACE_FEED = new LuaScript("""
            redis.call('ZREMRANGEBYLEX', KEYS[1], '-', '(' .. ARGV[1])
            for i = 4, #ARGV, 500 do
              local members = {}
              for j = i, math.min(i + 499, #ARGV) do
                members[#members + 1] = 0
                members[#members + 1] = ARGV[j]
              end
              redis.call('ZADD', KEYS[1], unpack(members))
            end
            redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[2]) - 1)
            redis.call('SET', KEYS[2], '1', 'EX', ARGV[3])
            return redis.call('ZCARD', KEYS[1])
            """);

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

    /**
     * Adds a status to many feeds, a batch of feeds per script call: far fewer round trips and replies than two
     * commands per feed, and other clients' commands (a streaming event, a timeline read) wait at most one batch.
     */
    void add(long statusId, Collection<String> feeds) {
        String member = member(statusId);
        String capacity = Integer.toString(CAPACITY);
        List<String> batch = new ArrayList<>(FEEDS_PER_SCRIPT);
        for (String feed : feeds) {
            batch.add(key(feed));
            if (batch.size() == FEEDS_PER_SCRIPT) {
                ADD_TO_FEEDS.run(connections.shared().sync(), batch.toArray(String[]::new), member, capacity);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            ADD_TO_FEEDS.run(connections.shared().sync(), batch.toArray(String[]::new), member, capacity);
        }
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

    /**
     * Makes a feed hold {@code statusIds} and whatever was added to it from {@code since} on (the id made when the
     * statuses were read), in one step that readers never see half done, and marks it rebuilt for {@code period}.
     */
    void replace(String feed, Collection<Long> statusIds, long since, Duration period) {
        List<String> args = new ArrayList<>(statusIds.size() + 3);
        args.add(member(since));
        args.add(Integer.toString(CAPACITY));
        args.add(Long.toString(period.toSeconds()));
        statusIds.forEach(id -> args.add(member(id)));
        REPLACE_FEED.run(connections.shared().sync(), new String[] {key(feed), key(feed) + ":built"},
                args.toArray(String[]::new));
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
