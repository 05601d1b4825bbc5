package social.tsubame.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.api.sync.RedisCommands;

import social.tsubame.core.PemKeys;
import social.tsubame.testing.ApiClient;

/**
 * Benchmark 1, a day of a big remote server in one burst: its accounts, followed by local people on a skewed graph,
 * send signed activities as fast as the shared inbox takes them. Measures the inbox's accepts, how long the queues
 * take to empty, the time from a post's arrival to its place in a follower's home feed, and the server's memory and
 * CPU.
 */
final class InboundBurstBenchmark {

    /**
     * @param idleApi   home-timeline latency before the burst
     * @param floodApi  home-timeline latency from the first request of the burst until the queues were empty
     * @param processes peak RSS and CPU seconds of each Tsubame process, by its roles
     */
    record Result(int activities, int accepted, int refused, double burstSeconds, Latencies accept,
                  double drainSeconds, Latencies endToEnd, Latencies idleApi, Latencies floodApi,
                  int apiFailures, Map<String, Usage> processes) {

        double acceptsPerSecond() {
            return accepted / burstSeconds;
        }
    }

    /** What one Tsubame process used during the burst. */
    record Usage(long peakRssMiB, double cpuSeconds) {
    }

    /**
     * @param apiRate home-timeline requests a second made all along, to see what the flood does to local users
     * @param split   whether the roles run as two processes, {@code web,streaming} and {@code federation,worker},
     *                rather than all in one
     */
    record Shape(int remoteAccounts, int localUsers, int follows, int topFollowers, int senders, int activities,
                 int concurrency, int keys, int apiRate, boolean split) {

        static final Shape FULL = new Shape(15_156, 5_000, 46_237, 1_186, 2_908, 29_354, 32, 32, 50, false);
    }

    private static final int SAMPLE_EVERY = 40;
    private static final int LOCAL_POSTS = 20;

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        Shape full = Shape.FULL;
        Shape shape = new Shape(options.integer("remote-accounts", full.remoteAccounts()),
                options.integer("local-users", full.localUsers()), options.integer("follows", full.follows()),
                options.integer("top-followers", full.topFollowers()), options.integer("senders", full.senders()),
                options.integer("activities", full.activities()), options.integer("concurrency", full.concurrency()),
                options.integer("keys", full.keys()), options.integer("api-rate", full.apiRate()),
                options.integer("split", 0) == 1);
        Result r = run(shape);
        System.out.printf("Inbound burst: %d remote accounts, %d local users, %d follows (top account: %d followers),"
                        + " %d activities from %d senders, %d connections%n", shape.remoteAccounts(),
                shape.localUsers(), shape.follows(), shape.topFollowers(), shape.activities(), shape.senders(),
                shape.concurrency());
        System.out.printf("  inbox: %d accepted, %d refused in %.2f s: %.0f accepts/s%n", r.accepted(), r.refused(),
                r.burstSeconds(), r.acceptsPerSecond());
        System.out.println("  accept latency: " + r.accept().summary());
        System.out.printf("  ingress and default empty after %.2f s (from the first request)%n", r.drainSeconds());
        System.out.println("  post arrival to a follower's home feed: " + r.endToEnd().summary());
        System.out.printf("  home timeline at %d req/s, idle: %s%n", shape.apiRate(), r.idleApi().summary());
        System.out.printf("  home timeline at %d req/s, during the flood: %s; %d calls failed in all%n",
                shape.apiRate(), r.floodApi().summary(), r.apiFailures());
        r.processes().forEach((roles, usage) -> System.out.printf(
                "  Tsubame JVM (%s): peak RSS %d MiB, %.1f CPU seconds during the burst%n", roles,
                usage.peakRssMiB(), usage.cpuSeconds()));
        System.out.println("rerun: bench/run.sh burst --remote-accounts " + shape.remoteAccounts() + " --local-users "
                + shape.localUsers() + " --follows " + shape.follows() + " --top-followers " + shape.topFollowers()
                + " --senders " + shape.senders() + " --activities " + shape.activities() + " --concurrency "
                + shape.concurrency() + " --keys " + shape.keys() + " --api-rate " + shape.apiRate() + " --split "
                + (shape.split() ? 1 : 0));
    }

    static Result run(Shape shape) throws Exception {
        BenchStores.Database stores = BenchStores.fresh();
        // Nothing listens there: the remote server is known already and never needs asking.
        String domain = "127.2.0.1:" + 9;
        Map<String, BenchServer> servers = start(stores, shape.split());
        BenchServer web = servers.values().iterator().next();
        BenchServer federation = servers.values().stream().reduce((first, second) -> second).orElseThrow();
        try (AutoCloseable stopAll = () -> servers.values().forEach(BenchServer::close);
             Connection db = stores.connect();
             var redisConnection = stores.redis();
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            ApiClient api = new ApiClient(web.baseUrl());
            String host = BenchPeople.signUp(api, "host");
            List<String> localStatuses = new ArrayList<>();
            for (int i = 0; i < LOCAL_POSTS; i++) {
                localStatuses.add(api.postJson("/api/v1/statuses", host, Map.of("status", "Local post " + i))
                        .json().get("uri").asString());
            }
            List<PemKeys.PemKeyPair> keys = BurstPlan.keys(shape.keys());
            List<BenchPeople.Remote> remote = new ArrayList<>(shape.remoteAccounts());
            for (int i = 0; i < shape.remoteAccounts(); i++) {
                remote.add(new BenchPeople.Remote(BurstPlan.username(i), domain,
                        keys.get(i % keys.size()).publicKeyPem()));
            }
            List<Long> remoteIds = BenchPeople.remotePeople(db, remote);
            List<Long> localIds = BenchPeople.localPeople(db, "local", shape.localUsers());
            Map<Integer, Long> aFollowerOf = followGraph(db, shape, remoteIds, localIds);

            URI inbox = URI.create(federation.baseUrl() + "/inbox");
            List<BurstPlan.Signed> plan = BurstPlan.plan(domain, keys, shape.senders(), shape.activities(),
                    localStatuses, inbox, 42);
            Set<String> deletedLater = new HashSet<>();
            plan.stream().map(BurstPlan.Signed::deletedNote).filter(note -> note != null).forEach(deletedLater::add);

            RedisCommands<String, String> redis = redisConnection.sync();
            Latencies accept = new Latencies();
            Latencies endToEnd = new Latencies();
            FeedWatch watch = new FeedWatch(db, redis, stores, endToEnd);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            URI home = URI.create(web.baseUrl() + "/api/v1/timelines/home?limit=40");
            Latencies idleApi = new Latencies();
            int apiFailures = ApiProbe.run(http, home, host, shape.apiRate(), 5, idleApi);
            Map<String, Double> cpuBefore = new LinkedHashMap<>();
            servers.forEach((roles, server) -> cpuBefore.put(roles, server.cpuSeconds()));
            Latencies floodApi = new Latencies();
            ApiProbe probe = new ApiProbe(http, home, host, shape.apiRate(), floodApi);
            long start = System.nanoTime();
            Thread prober = Thread.ofVirtual().start(probe::run);
            Thread watcher = Thread.ofVirtual().start(watch::run);
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < shape.concurrency(); c++) {
                    senders.execute(() -> {
                        for (int n = next.getAndIncrement(); n < plan.size(); n = next.getAndIncrement()) {
                            BurstPlan.Signed activity = plan.get(n);
                            long sent = System.nanoTime();
                            boolean ok = send(http, inbox, activity);
                            accept.add(System.nanoTime() - sent);
                            (ok ? accepted : refused).incrementAndGet();
                            if (ok && activity.createdNote() != null && n % SAMPLE_EVERY == 0
                                    && !deletedLater.contains(activity.createdNote())) {
                                watch.expect(activity.createdNote(), aFollowerOf.get(activity.sender()), sent);
                            }
                        }
                    });
                }
            }
            double burstSeconds = (System.nanoTime() - start) / 1e9;
            awaitQueuesEmpty(db, redis, stores);
            double drainSeconds = (System.nanoTime() - start) / 1e9;
            probe.stop();
            prober.join();
            apiFailures += probe.failures();
            Map<String, Usage> usage = new LinkedHashMap<>();
            servers.forEach((roles, server) -> usage.put(roles, new Usage(server.peakRssMiB(),
                    server.cpuSeconds() - cpuBefore.get(roles))));
            watch.finish();
            watcher.join();
            return new Result(plan.size(), accepted.get(), refused.get(), burstSeconds, accept, drainSeconds,
                    endToEnd, idleApi, floodApi, apiFailures, usage);
        }
    }

    /**
     * All roles in one process, or {@code web,streaming} and {@code federation,worker} apart, the first taking the
     * client API and the second the inboxes; both name the same domain, as behind one proxy. In the order: the
     * process for the API first.
     */
    private static Map<String, BenchServer> start(BenchStores.Database stores, boolean split) {
        Map<String, BenchServer> servers = new LinkedHashMap<>();
        Map<String, String> api = Map.of("tsubame.registrations.mode", "open",
                // The limit stays on; it is raised so that the probing user may ask this often.
                "tsubame.rate-limits.authenticated-api.requests", "1000000000",
                "tsubame.rate-limits.authenticated-api.period", "5m");
        if (!split) {
            servers.put("all roles", BenchServer.start("burst", stores, api));
            return servers;
        }
        int federationPort = BenchServer.freePort();
        String domain = "127.0.0.1:" + federationPort;
        BenchServer federation = BenchServer.start("burst-federation", stores, Map.of(
                "spring.profiles.active", "federation,worker", "server.port", Integer.toString(federationPort),
                "tsubame.local-domain", domain));
        try {
            Map<String, String> webProperties = new LinkedHashMap<>(api);
            webProperties.put("spring.profiles.active", "web,streaming");
            webProperties.put("tsubame.local-domain", domain);
            BenchServer web = BenchServer.start("burst-web", stores, webProperties);
            servers.put("web,streaming", web);
            servers.put("federation,worker", federation);
            return servers;
        } catch (RuntimeException e) {
            federation.close();
            throw e;
        }
    }

    /**
     * Who follows whom: the first remote account has {@code topFollowers} local followers, every other one at least
     * one, and the rest of the follows go to few accounts, falling off as 1/rank. Returns one local follower of each
     * remote account, by its number.
     */
    private static Map<Integer, Long> followGraph(Connection db, Shape shape, List<Long> remoteIds,
                                                  List<Long> localIds) throws Exception {
        int accounts = remoteIds.size();
        int[] counts = new int[accounts];
        counts[0] = Math.min(shape.topFollowers(), localIds.size());
        for (int i = 1; i < accounts; i++) {
            counts[i] = 1;
        }
        int extra = Math.max(0, shape.follows() - counts[0] - (accounts - 1));
        double weights = 0;
        for (int i = 1; i < accounts; i++) {
            weights += 1.0 / i;
        }
        int cap = Math.max(1, counts[0] - 1);
        int given = 0;
        for (int i = 1; i < accounts && given < extra; i++) {
            int more = (int) Math.min(cap - counts[i], Math.min(extra - given, Math.round(extra / weights / i)));
            counts[i] += more;
            given += more;
        }
        for (int i = 1; given < extra && accounts > 1; i = i % (accounts - 1) + 1) {
            if (counts[i] < Math.min(cap, localIds.size())) {
                counts[i]++;
                given++;
            }
        }
        Random random = new Random(11);
        List<long[]> pairs = new ArrayList<>(shape.follows());
        Map<Integer, Long> aFollower = new HashMap<>();
        for (int i = 0; i < accounts; i++) {
            Set<Long> chosen = new HashSet<>();
            while (chosen.size() < counts[i]) {
                chosen.add(localIds.get(random.nextInt(localIds.size())));
            }
            for (long local : chosen) {
                pairs.add(new long[] {local, remoteIds.get(i)});
            }
            aFollower.put(i, chosen.iterator().next());
        }
        BenchPeople.follow(db, pairs);
        return aFollower;
    }

    private static boolean send(HttpClient http, URI inbox, BurstPlan.Signed activity) {
        HttpRequest.Builder request = HttpRequest.newBuilder(inbox)
                .header("Content-Type", "application/activity+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(activity.body()));
        activity.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitQueuesEmpty(Connection db, RedisCommands<String, String> redis,
                                         BenchStores.Database stores) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            long waiting = 0;
            for (String queue : List.of("ingress", "ingress:low", "default")) {
                waiting += redis.xlen(stores.redisKey("queue:" + queue));
            }
            try (PreparedStatement outbox = db.prepareStatement("SELECT count(*) FROM outbox");
                 ResultSet rows = outbox.executeQuery()) {
                rows.next();
                waiting += rows.getLong(1);
            }
            if (waiting == 0) {
                return;
            }
            BenchServer.sleep(20);
        }
        throw new IllegalStateException("The queues did not empty within 10 minutes");
    }

    /**
     * Watches sampled posts until each is in the home feed of one of its author's local followers: looks their
     * statuses up by URI and their feeds in a few queries per round, so that watching stays light.
     */
    private static final class FeedWatch {

        private record Expected(long follower, long sentAt) {
        }

        private final Connection db;
        private final RedisCommands<String, String> redis;
        private final BenchStores.Database stores;
        private final Latencies endToEnd;
        private final Map<String, Expected> waiting = new ConcurrentHashMap<>();
        private volatile boolean finishing;

        FeedWatch(Connection db, RedisCommands<String, String> redis, BenchStores.Database stores,
                  Latencies endToEnd) {
            this.db = db;
            this.redis = redis;
            this.stores = stores;
            this.endToEnd = endToEnd;
        }

        void expect(String note, long follower, long sentAt) {
            waiting.put(note, new Expected(follower, sentAt));
        }

        /** No more posts will be expected; the watch ends once the last has arrived, or a minute from now. */
        void finish() {
            finishing = true;
        }

        void run() {
            long giveUpAt = Long.MAX_VALUE;
            while (!(finishing && (waiting.isEmpty() || System.nanoTime() > giveUpAt))) {
                if (finishing && giveUpAt == Long.MAX_VALUE) {
                    giveUpAt = System.nanoTime() + 60_000_000_000L;
                }
                try {
                    round();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                BenchServer.sleep(25);
            }
        }

        private void round() throws Exception {
            if (waiting.isEmpty()) {
                return;
            }
            Map<String, Long> statusIds = new HashMap<>();
            try (PreparedStatement query = db.prepareStatement("SELECT uri, id FROM statuses WHERE uri = ANY (?)")) {
                Array uris = db.createArrayOf("text", waiting.keySet().toArray());
                query.setArray(1, uris);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        statusIds.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            for (var status : statusIds.entrySet()) {
                Expected expected = waiting.get(status.getKey());
                String feed = stores.redisKey("feed:home:" + expected.follower());
                if (redis.zscore(feed, String.format("%019d", status.getValue())) != null) {
                    endToEnd.add(System.nanoTime() - expected.sentAt());
                    waiting.remove(status.getKey());
                }
            }
        }
    }
}
