package social.tsubame.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Redis side of the queues: one stream per queue read by one consumer group, a sorted set of jobs waiting for
 * their retry time, and a dead-letter stream. Every move of a job between them is one Lua script, so a job is never
 * in two places or in none.
 */
@Component
public class JobStreams {

    static final String GROUP = "workers";
    /** What a stream entry id looks like; anything else would make Redis answer with an error. */
    private static final Pattern ENTRY_ID = Pattern.compile("[0-9]{1,20}-[0-9]{1,20}");

    private static final String FIELD_TYPE = "type";
    private static final String FIELD_PAYLOAD = "payload";
    private static final String FIELD_ATTEMPT = "attempt";
    private static final String FIELD_ENQUEUED_AT = "enqueued_at";
    private static final String FIELD_ERROR = "error";

    /**
     * Settling scripts first check that the job is still pending for the consumer settling it: one that was taken
     * over while its old consumer stalled is settled by the new one only, so it cannot be retried twice.
     */
    private static final String OWNED = """
            local owned = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1, ARGV[3])
            if #owned == 0 then
              return 0
            end
            """;

    /** Acknowledges and counts the job in its completion window, for the rate operators see. */
    private static final LuaScript ACK = new LuaScript(OWNED + """
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            return redis.call('XDEL', KEYS[1], ARGV[2])
            """);

    /** Completions are counted in windows this long; the rate is over the last {@link #RATE_WINDOWS} full ones. */
    static final long RATE_WINDOW_SECONDS = 10;
    private static final int RATE_WINDOWS = 6;

    private static final LuaScript RETRY_LATER = new LuaScript(OWNED + """
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5])
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('XDEL', KEYS[1], ARGV[2])
            """);

    /** Renews the claim of each job still pending for this consumer, and only those. */
    private static final LuaScript RENEW = new LuaScript("""
            local renewed = 0
            for i = 3, #ARGV do
              local owned = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1, ARGV[2])
              if #owned == 1 then
                redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID')
                renewed = renewed + 1
              end
            end
            return renewed
            """);

    private static final LuaScript BURY = new LuaScript(OWNED + """
            local fields = cjson.decode(ARGV[4])
            local flat = {}
            for k, v in pairs(fields) do
              table.insert(flat, k)
              table.insert(flat, v)
            end
            redis.call('XADD', KEYS[2], '*', unpack(flat))
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('XDEL', KEYS[1], ARGV[2])
            """);

    /** Moves jobs whose retry time has come back onto their stream. */
    private static final LuaScript RELEASE_DUE = new LuaScript("""
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            for _, member in ipairs(due) do
              local fields = cjson.decode(member)
              local flat = {}
              for k, v in pairs(fields) do
                if k ~= 'origin' then
                  table.insert(flat, k)
                  table.insert(flat, v)
                end
              end
              redis.call('XADD', KEYS[2], '*', unpack(flat))
              redis.call('ZREM', KEYS[1], member)
            end
            return #due
            """);

    /** Puts a dead letter back on its queue as a fresh job. */
    private static final LuaScript REPLAY = new LuaScript("""
            local entries = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
            if #entries == 0 then
              return 0
            end
            local fields = entries[1][2]
            local flat = {}
            for i = 1, #fields, 2 do
              local k = fields[i]
              if k == 'attempt' then
                table.insert(flat, k)
                table.insert(flat, '0')
              elseif k ~= 'died_at' and k ~= 'origin' then
                table.insert(flat, k)
                table.insert(flat, fields[i + 1])
              end
            end
            redis.call('XADD', KEYS[2], '*', unpack(flat))
            return redis.call('XDEL', KEYS[1], ARGV[1])
            """);

    private final RedisConnections connections;
    private final RedisKeys keys;
    private final JsonMapper json;
    private final Clock clock;

    public JobStreams(RedisConnections connections, RedisKeys keys, JsonMapper json, Clock clock) {
        this.connections = connections;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    private RedisCommands<String, String> redis() {
        return connections.shared().sync();
    }

    /** Creates the stream and its consumer group unless they exist. */
    public void ensureGroup(QueueName queue) {
        try {
            redis().xgroupCreate(XReadArgs.StreamOffset.from(keys.stream(queue), "0"), GROUP,
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // BUSYGROUP: another process created it first
        }
    }

    /** Appends a new job; returns its entry id. */
    public String add(QueueName queue, String type, String payloadJson, Instant enqueuedAt) {
        return redis().xadd(keys.stream(queue), fields(type, payloadJson, 0, enqueuedAt, null));
    }

    static Map<String, String> fields(String type, String payload, int attempt, Instant enqueuedAt, String error) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(FIELD_TYPE, type);
        fields.put(FIELD_PAYLOAD, payload);
        fields.put(FIELD_ATTEMPT, Integer.toString(attempt));
        fields.put(FIELD_ENQUEUED_AT, Long.toString(enqueuedAt.toEpochMilli()));
        if (error != null) {
            fields.put(FIELD_ERROR, error);
        }
        return fields;
    }

    /** Reads up to {@code count} new jobs for {@code consumer}, waiting at most {@code block} for the first. */
    List<Job> readNew(RedisCommands<String, String> blockingConnection, QueueName queue, String consumer,
                      int count, Duration block) {
        List<StreamMessage<String, String>> messages = blockingConnection.xreadgroup(
                Consumer.from(GROUP, consumer),
                XReadArgs.Builder.count(count).block(block),
                XReadArgs.StreamOffset.lastConsumed(keys.stream(queue)));
        return toJobs(queue, messages, consumer);
    }

    /**
     * Takes over jobs that another consumer claimed and has not renewed for {@code minIdle}: that consumer died or hung.
     * Entries deleted meanwhile come back without a body and are acknowledged away.
     */
    Claimed claimAbandoned(QueueName queue, String consumer, Duration minIdle, int count, String from) {
        String stream = keys.stream(queue);
        var claimed = redis().xautoclaim(stream,
                XAutoClaimArgs.Builder.xautoclaim(Consumer.from(GROUP, consumer), minIdle, from).count(count));
        List<StreamMessage<String, String>> live = new ArrayList<>();
        for (StreamMessage<String, String> message : claimed.getMessages()) {
            if (message.getBody() == null || message.getBody().isEmpty()) {
                redis().xack(stream, GROUP, message.getId());
            } else {
                live.add(message);
            }
        }
        return new Claimed(toJobs(queue, live, consumer), claimed.getId());
    }

    /**
     * Jobs taken over, and where the next scan of the pending list starts ({@code 0-0} once it went round): long
     * pending entries at the front must not hide abandoned ones behind them.
     */
    record Claimed(List<Job> jobs, String next) {
    }

    /** Tells the group that {@code consumer} still works on these jobs, so nobody takes them over. */
    void renew(QueueName queue, String consumer, List<String> ids) {
        if (!ids.isEmpty()) {
            String[] args = new String[ids.size() + 2];
            args[0] = GROUP;
            args[1] = consumer;
            for (int i = 0; i < ids.size(); i++) {
                args[i + 2] = ids.get(i);
            }
            RENEW.run(redis(), new String[] {keys.stream(queue)}, args);
        }
    }

    /**
     * Forgets consumers that hold no job and have been silent for {@code idle}: every process start adds one, and the
     * group would otherwise list the dead forever. Returns how many went.
     */
    int forgetIdleConsumers(QueueName queue, Duration idle) {
        String stream = keys.stream(queue);
        int forgotten = 0;
        for (Object entry : redis().xinfoConsumers(stream, GROUP)) {
            Map<String, Object> info = pairs((List<?>) entry);
            long pending = ((Number) info.getOrDefault("pending", 0L)).longValue();
            long idleMillis = ((Number) info.getOrDefault("idle", 0L)).longValue();
            if (pending == 0 && idleMillis > idle.toMillis()) {
                redis().xgroupDelconsumer(stream, Consumer.from(GROUP, String.valueOf(info.get("name"))));
                forgotten++;
            }
        }
        return forgotten;
    }

    private static Map<String, Object> pairs(List<?> flat) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), flat.get(i + 1));
        }
        return map;
    }

    /** The job is done: it leaves the pending list and the stream. */
    void acknowledge(Job job) {
        long window = currentWindow();
        long keepMillis = (RATE_WINDOWS + 2) * RATE_WINDOW_SECONDS * 1000;
        ACK.run(redis(), new String[] {keys.stream(job.queue()), keys.completed(job.queue(), window)},
                GROUP, job.id(), job.consumer(), Long.toString(keepMillis));
    }

    private long currentWindow() {
        long seconds = clock.millis() / 1000;
        return seconds - seconds % RATE_WINDOW_SECONDS;
    }

    /** The job runs again at {@code due}, counting {@code attempts} tries so far. */
    void retryLater(Job job, int attempts, String error, Instant due) {
        Map<String, String> member = fields(job.type(), job.payload(), attempts, job.enqueuedAt(), error);
        // The origin id keeps two identical jobs from collapsing into one member of the set.
        member.put("origin", job.id());
        RETRY_LATER.run(redis(), new String[] {keys.stream(job.queue()), keys.scheduled(job.queue())},
                GROUP, job.id(), job.consumer(), Long.toString(due.toEpochMilli()), json.writeValueAsString(member));
    }

    /** The job failed for the last time: it moves to the dead letters, where an operator can see and replay it. */
    void bury(Job failed, String error) {
        Map<String, String> fields = fields(failed.type(), failed.payload(), failed.attempt() + 1,
                failed.enqueuedAt(), error);
        fields.put("origin", failed.id());
        fields.put("died_at", Long.toString(clock.millis()));
        BURY.run(redis(), new String[] {keys.stream(failed.queue()), keys.deadLetters(failed.queue())},
                GROUP, failed.id(), failed.consumer(), json.writeValueAsString(fields));
    }

    /** Moves retries whose time has come back onto the stream; returns how many moved. */
    long releaseDue(QueueName queue, int limit) {
        return RELEASE_DUE.run(redis(), new String[] {keys.scheduled(queue), keys.stream(queue)},
                Long.toString(clock.millis()), Integer.toString(limit));
    }

    public List<DeadLetter> deadLetters(QueueName queue, int limit) {
        return redis().xrange(keys.deadLetters(queue), Range.create("-", "+"), Limit.from(limit)).stream()
                .map(message -> DeadLetter.from(queue, message))
                .toList();
    }

    /** One dead letter by its entry id, if there is one. */
    public Optional<DeadLetter> deadLetter(QueueName queue, String deadLetterId) {
        if (!ENTRY_ID.matcher(deadLetterId).matches()) {
            return Optional.empty();
        }
        return redis().xrange(keys.deadLetters(queue), Range.create(deadLetterId, deadLetterId)).stream()
                .findFirst()
                .map(message -> DeadLetter.from(queue, message));
    }

    /** Puts one dead letter back on its queue; false if there is no such dead letter. */
    public boolean replay(QueueName queue, String deadLetterId) {
        if (!ENTRY_ID.matcher(deadLetterId).matches()) {
            return false;
        }
        return REPLAY.run(redis(), new String[] {keys.deadLetters(queue), keys.stream(queue)}, deadLetterId) > 0;
    }

    public QueueSnapshot snapshot(QueueName queue) {
        RedisCommands<String, String> redis = redis();
        String stream = keys.stream(queue);
        long depth = redis.xlen(stream);
        long pending = depth == 0 ? 0 : redis.xpending(stream, GROUP).getCount();
        Duration oldestAge = depth == 0 ? Duration.ZERO : oldestAge(queue);
        long scheduled = redis.zcard(keys.scheduled(queue));
        long dead = redis.xlen(keys.deadLetters(queue));
        boolean paused = redis.exists(keys.paused(queue)) > 0;
        boolean slowed = redis.exists(keys.slowed(queue)) > 0;
        return new QueueSnapshot(queue, depth, pending, scheduled, dead, oldestAge, completedPerSecond(queue),
                paused, slowed);
    }

    /** How long the oldest job in the queue, taken or not, has been there. */
    Duration oldestAge(QueueName queue) {
        return ageOfFirst(keys.stream(queue), "-");
    }

    /**
     * How long the oldest job no consumer has taken yet has waited: what back-pressure watches. Unlike
     * {@link #oldestAge}, a job held by a consumer that died, waiting to be taken over, does not count.
     */
    Duration oldestWaitingAge(QueueName queue) {
        String stream = keys.stream(queue);
        String lastDelivered = "0-0";
        try {
            for (Object group : redis().xinfoGroups(stream)) {
                Map<String, Object> info = pairs((List<?>) group);
                if (GROUP.equals(String.valueOf(info.get("name")))) {
                    lastDelivered = String.valueOf(info.get("last-delivered-id"));
                }
            }
        } catch (RedisCommandExecutionException e) {
            // no stream yet: nothing waits
            return Duration.ZERO;
        }
        long millis = entryMillis(lastDelivered);
        long sequence = Long.parseLong(lastDelivered.substring(lastDelivered.indexOf('-') + 1));
        return ageOfFirst(stream, millis + "-" + (sequence + 1));
    }

    private Duration ageOfFirst(String stream, String from) {
        List<StreamMessage<String, String>> first = redis().xrange(stream, Range.create(from, "+"), Limit.from(1));
        return first.isEmpty() ? Duration.ZERO
                : Duration.ofMillis(Math.max(0, clock.millis() - entryMillis(first.getFirst().getId())));
    }

    /** Jobs completed per second over the last full minute, by every consumer of the queue. */
    private double completedPerSecond(QueueName queue) {
        long current = currentWindow();
        String[] windows = new String[RATE_WINDOWS];
        for (int i = 0; i < RATE_WINDOWS; i++) {
            windows[i] = keys.completed(queue, current - (i + 1) * RATE_WINDOW_SECONDS);
        }
        long completed = redis().mget(windows).stream()
                .filter(kv -> kv.hasValue())
                .mapToLong(kv -> Long.parseLong(kv.getValue()))
                .sum();
        return completed / (double) (RATE_WINDOWS * RATE_WINDOW_SECONDS);
    }

    static long entryMillis(String entryId) {
        return Long.parseLong(entryId.substring(0, entryId.indexOf('-')));
    }

    private static List<Job> toJobs(QueueName queue, List<StreamMessage<String, String>> messages, String consumer) {
        return messages.stream().map(message -> toJob(queue, message.getId(), message.getBody(), consumer)).toList();
    }

    /**
     * Reads an entry leniently: an entry that cannot be made sense of still becomes a job, which then fails for good
     * (no handler for its type) and lands in the dead letters, instead of failing every read that meets it.
     */
    static Job toJob(QueueName queue, String id, Map<String, String> body, String consumer) {
        return new Job(id, queue, body.getOrDefault(FIELD_TYPE, ""), body.getOrDefault(FIELD_PAYLOAD, ""),
                number(body.get(FIELD_ATTEMPT), 0), Instant.ofEpochMilli(number(body.get(FIELD_ENQUEUED_AT),
                entryMillis(id))), body.get(FIELD_ERROR), consumer);
    }

    private static int number(String value, int fallback) {
        return (int) number(value, (long) fallback);
    }

    private static long number(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
