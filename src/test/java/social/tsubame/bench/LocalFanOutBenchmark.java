package social.tsubame.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import social.tsubame.testing.ApiClient;

/**
 * Benchmark 3, local fan-out: a local account with many local followers posts; how long until every follower's
 * home feed holds the post, and until a follower's streaming socket got the {@code update}.
 */
final class LocalFanOutBenchmark {

    /** The first posts run on a cold JVM and are reported apart from the rest. */
    record Result(int followers, Latencies allFeeds, Latencies streamed, Latencies coldAllFeeds) {
    }

    private static final int COLD_POSTS = 2;

    /** Which of the given feeds hold the member: run inside Redis, so that one poll is one round trip. */
    private static final String FEEDS_HOLDING = """
            local found = {}
            for i, key in ipairs(KEYS) do
              if redis.call('ZSCORE', key, ARGV[1]) then
                table.insert(found, i)
              end
            end
            return found
            """;

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int followers = options.integer("followers", 10_000);
        int posts = options.integer("posts", 5);
        Result result = run(followers, posts);
        System.out.println("Local fan-out: " + result.followers() + " local followers, " + posts + " posts");
        System.out.println("  every home feed has the post: " + result.allFeeds().summary());
        System.out.println("  a follower's stream got it:   " + result.streamed().summary());
        System.out.println("  first " + COLD_POSTS + " posts (cold JVM), feeds: " + result.coldAllFeeds().summary());
        System.out.println("rerun: bench/run.sh fanout --followers " + followers + " --posts " + posts);
    }

    static Result run(int followerCount, int posts) throws Exception {
        BenchStores.Database stores = BenchStores.fresh();
        try (BenchServer server = BenchServer.start("fanout", stores, Map.of(
                "tsubame.registrations.mode", "open"));
             Connection db = stores.connect();
             var redisConnection = stores.redis();
             HttpClient http = HttpClient.newHttpClient()) {
            ApiClient api = new ApiClient(server.baseUrl());
            String poster = BenchPeople.signUp(api, "poster");
            String watcher = BenchPeople.signUp(api, "watcher");
            long posterId = BenchPeople.accountId(api, poster);
            long watcherId = BenchPeople.accountId(api, watcher);
            api.postForm("/api/v1/accounts/" + posterId + "/follow", watcher, Map.of());
            List<Long> followers = new ArrayList<>(BenchPeople.localPeople(db, "follower", followerCount - 1));
            BenchPeople.follow(db, followers, posterId);
            followers.add(watcherId);

            RedisCommands<String, String> redis = redisConnection.sync();
            Latencies allFeeds = new Latencies();
            Latencies streamed = new Latencies();
            Latencies cold = new Latencies();
            try (BenchSocket socket = BenchSocket.open(http, server.baseUrl(), watcher, "user").join()) {
                for (int n = 0; n < COLD_POSTS + posts; n++) {
                    long start = System.nanoTime();
                    String id = api.postJson("/api/v1/statuses", poster, Map.of("status", "fan-out " + n))
                            .json().get("id").asString();
                    long feedsDone = awaitAllFeeds(redis, stores, followers, id) - start;
                    long streamedAt = awaitStreamed(socket, id) - start;
                    if (n < COLD_POSTS) {
                        cold.add(feedsDone);
                    } else {
                        allFeeds.add(feedsDone);
                        streamed.add(streamedAt);
                    }
                }
            }
            return new Result(followerCount, allFeeds, streamed, cold);
        }
    }

    /**
     * Waits until every feed holds the status; returns when the last check that found them all began. A few feeds
     * are polled closely first and the whole set only once those have it, so that the watching does not load Redis
     * while the fan-out is writing.
     */
    private static long awaitAllFeeds(RedisCommands<String, String> redis, BenchStores.Database stores,
                                      List<Long> followers, String statusId) {
        String member = String.format("%019d", Long.parseLong(statusId));
        List<String> waiting = new ArrayList<>(followers.stream()
                .map(id -> stores.redisKey("feed:home:" + id)).toList());
        List<String> sample = new ArrayList<>(waiting);
        Collections.shuffle(sample);
        sample = new ArrayList<>(sample.subList(0, Math.min(SAMPLE, sample.size())));
        long deadline = System.nanoTime() + 120_000_000_000L;
        long checkedAt = System.nanoTime();
        while (!sample.isEmpty()) {
            sample = notHolding(redis, sample, member);
            pauseUnlessDone(sample, 1, deadline, statusId);
        }
        while (!waiting.isEmpty()) {
            checkedAt = System.nanoTime();
            waiting = notHolding(redis, waiting, member);
            pauseUnlessDone(waiting, 5, deadline, statusId);
        }
        return checkedAt;
    }

    private static final int SAMPLE = 64;

    private static List<String> notHolding(RedisCommands<String, String> redis, List<String> feeds, String member) {
        List<Long> found = redis.eval(FEEDS_HOLDING, ScriptOutputType.MULTI, feeds.toArray(String[]::new), member);
        boolean[] held = new boolean[feeds.size() + 1];
        found.forEach(index -> held[index.intValue()] = true);
        List<String> still = new ArrayList<>();
        for (int i = 0; i < feeds.size(); i++) {
            if (!held[i + 1]) {
                still.add(feeds.get(i));
            }
        }
        return still;
    }

    private static void pauseUnlessDone(List<String> waiting, long millis, long deadline, String statusId) {
        if (waiting.isEmpty()) {
            return;
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(waiting.size() + " feeds never got status " + statusId);
        }
        BenchServer.sleep(millis);
    }

    private static long awaitStreamed(BenchSocket socket, String statusId) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long arrived = socket.updateArrival(statusId);
            if (arrived != null) {
                return arrived;
            }
            BenchServer.sleep(1);
        }
        throw new IllegalStateException("The stream never got status " + statusId);
    }
}
