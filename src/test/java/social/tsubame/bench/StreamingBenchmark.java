package social.tsubame.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import social.tsubame.testing.ApiClient;

/**
 * Benchmark 5, streaming: many sockets, each subscribed to {@code user} and {@code public}, of local people who
 * follow one account; it posts a few times, a few seconds apart. How long from each POST until each socket got the
 * {@code update} on each stream, how many sockets got them all, and what the streaming process holds resident.
 */
final class StreamingBenchmark {

    /**
     * @param shape        what was run
     * @param user         latencies of the {@code update} on the {@code user} stream, over every socket and post
     * @param publicStream the same on the {@code public} stream
     * @param coldUser     the first post's, on a streaming process that has not yet streamed to these sockets
     * @param coldPublic   the same on the {@code public} stream
     * @param complete     sockets that got every post on both streams
     * @param rssBefore    resident MiB of the streaming process before the sockets opened
     * @param rssOpen      resident MiB with the sockets open, after the posts
     * @param peakRss      the most the streaming process held resident (VmHWM), MiB
     * @param openSeconds  how long opening and subscribing every socket took
     * @param cpuSeconds   CPU time of the streaming process from the first post to the last one's events
     */
    record Result(Shape shape, Latencies user, Latencies publicStream, Latencies coldUser, Latencies coldPublic,
                  int complete, long rssBefore, long rssOpen, long peakRss, double openSeconds, double cpuSeconds) {
    }

    /**
     * @param sockets    sockets open at once
     * @param users      people they belong to, the sockets spread evenly over them
     * @param posts      posts measured, after the first (cold) one
     * @param intervalMs between one post and the next
     * @param split      whether streaming runs in a process of its own, apart from {@code web,federation,worker}
     */
    record Shape(int sockets, int users, int posts, int intervalMs, boolean split) {
    }

    private static final int OPENING_AT_ONCE = 200;
    private static final int SOCKETS_PER_CLIENT = 1_000;
    private static final long EVENT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final List<String> STREAMS = List.of("user", "public");

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int sockets = options.integer("sockets", 1_000);
        Shape shape = new Shape(sockets, options.integer("users", Math.min(sockets, 1_000)),
                options.integer("posts", 5), options.integer("interval-ms", 3_000), options.integer("split", 0) == 1);
        Result r = run(shape);
        System.out.printf("Streaming: %d sockets of %d people on user and public, %d posts %d ms apart, %s%n",
                shape.sockets(), shape.users(), shape.posts(), shape.intervalMs(),
                shape.split() ? "streaming in a process of its own" : "all roles in one process");
        System.out.printf("  opening and subscribing every socket: %.1f s%n", r.openSeconds());
        System.out.println("  POST to update on user:   " + r.user().summary());
        System.out.println("  POST to update on public: " + r.publicStream().summary());
        System.out.println("  first post (cold), user:   " + r.coldUser().summary());
        System.out.println("  first post (cold), public: " + r.coldPublic().summary());
        System.out.printf("  sockets that got every event: %d of %d%n", r.complete(), shape.sockets());
        System.out.printf("  streaming JVM: RSS %d MiB before the sockets, %d MiB with them open (%.1f KiB a socket),"
                        + " peak %d MiB%n", r.rssBefore(), r.rssOpen(),
                (r.rssOpen() - r.rssBefore()) * 1024.0 / shape.sockets(), r.peakRss());
        System.out.printf("  streaming JVM: %.1f CPU seconds over the %d posts and their events%n", r.cpuSeconds(),
                shape.posts() + 1);
        System.out.println("rerun: bench/run.sh stream --sockets " + shape.sockets() + " --users " + shape.users()
                + " --posts " + shape.posts() + " --interval-ms " + shape.intervalMs() + " --split "
                + (shape.split() ? 1 : 0));
    }

    static Result run(Shape shape) throws Exception {
        BenchStores.Database stores = BenchStores.fresh();
        Map<String, BenchServer> servers = start(stores, shape.split());
        BenchServer web = servers.get("web");
        BenchServer streaming = servers.get("streaming");
        List<HttpClient> clients = new ArrayList<>();
        List<BenchSocket> sockets = new ArrayList<>();
        try (Connection db = stores.connect()) {
            ApiClient api = new ApiClient(web.baseUrl());
            String poster = BenchPeople.signUp(api, "poster");
            long posterId = BenchPeople.accountId(api, poster);
            List<Long> listeners = BenchPeople.localPeople(db, "listener", shape.users());
            BenchPeople.follow(db, listeners, posterId);
            ApiClient.App app = api.registerApp("read");
            List<String> tokens = List.copyOf(BenchPeople.tokens(db, app.clientId(), "read", listeners).values());

            long rssBefore = streaming.rssMiB();
            long opening = System.nanoTime();
            for (int i = 0; i < shape.sockets(); i += SOCKETS_PER_CLIENT) {
                clients.add(HttpClient.newHttpClient());
            }
            sockets.addAll(open(clients, streaming.baseUrl(), tokens, shape.sockets()));
            double openSeconds = (System.nanoTime() - opening) / 1e9;

            Latencies user = new Latencies();
            Latencies publicStream = new Latencies();
            Latencies coldUser = new Latencies();
            Latencies coldPublic = new Latencies();
            List<String> posted = new ArrayList<>();
            double cpuBefore = streaming.cpuSeconds();
            double cpuAfter = cpuBefore;
            for (int n = 0; n <= shape.posts(); n++) {
                long start = System.nanoTime();
                String id = api.postJson("/api/v1/statuses", poster, Map.of("status", "streamed " + n))
                        .json().get("id").asString();
                posted.add(id);
                awaitEveryEvent(sockets, id, start + EVENT_TIMEOUT_NANOS);
                cpuAfter = streaming.cpuSeconds();
                record(sockets, id, start, n == 0 ? coldUser : user, n == 0 ? coldPublic : publicStream);
                BenchServer.sleep(Math.max(0, shape.intervalMs()
                        - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            }
            int complete = (int) sockets.stream().filter(socket -> gotAll(socket, posted)).count();
            return new Result(shape, user, publicStream, coldUser, coldPublic, complete, rssBefore,
                    streaming.rssMiB(), streaming.peakRssMiB(), openSeconds, cpuAfter - cpuBefore);
        } finally {
            sockets.forEach(BenchSocket::close);
            clients.forEach(HttpClient::close);
            servers.values().forEach(BenchServer::close);
        }
    }

    /**
     * All roles in one process, or {@code web,federation,worker} and {@code streaming} apart on the same database,
     * Redis and domain, as behind one proxy; by the role the benchmark talks to.
     */
    private static Map<String, BenchServer> start(BenchStores.Database stores, boolean split) {
        Map<String, String> properties = Map.of("tsubame.registrations.mode", "open",
                // The limit stays on; it is raised so that thousands of sockets may open from one address.
                "tsubame.rate-limits.authenticated-api.requests", "1000000000",
                "tsubame.rate-limits.authenticated-api.period", "5m");
        Map<String, BenchServer> servers = new LinkedHashMap<>();
        if (!split) {
            BenchServer all = BenchServer.start("stream", stores, properties);
            servers.put("web", all);
            servers.put("streaming", all);
            return servers;
        }
        int webPort = BenchServer.freePort();
        Map<String, String> webProperties = new LinkedHashMap<>(properties);
        webProperties.put("spring.profiles.active", "web,federation,worker");
        webProperties.put("server.port", Integer.toString(webPort));
        BenchServer web = BenchServer.start("stream-web", stores, webProperties);
        try {
            Map<String, String> streamingProperties = new LinkedHashMap<>(properties);
            streamingProperties.put("spring.profiles.active", "streaming");
            streamingProperties.put("tsubame.local-domain", "127.0.0.1:" + webPort);
            servers.put("web", web);
            servers.put("streaming", BenchServer.start("stream-streaming", stores, streamingProperties));
            return servers;
        } catch (RuntimeException e) {
            web.close();
            throw e;
        }
    }

    /**
     * Opens the sockets, a bounded number at a time so that the handshakes do not time out behind each other, each
     * on {@code user} and then subscribed to {@code public}; spread over the clients and the people's tokens.
     */
    private static List<BenchSocket> open(List<HttpClient> clients, String baseUrl, List<String> tokens, int count)
            throws InterruptedException {
        Semaphore opening = new Semaphore(OPENING_AT_ONCE);
        List<CompletableFuture<BenchSocket>> opened = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            opening.acquire();
            CompletableFuture<BenchSocket> socket = BenchSocket.open(clients.get(i % clients.size()), baseUrl,
                    tokens.get(i % tokens.size()), "user");
            opened.add(socket.thenCompose(open -> open.subscribe("public").thenApply(sent -> open))
                    .whenComplete((open, failure) -> opening.release()));
        }
        List<BenchSocket> sockets = opened.stream().map(CompletableFuture::join).toList();
        // The subscription to public is made once the server has read it; nothing answers it.
        BenchServer.sleep(2_000);
        return sockets;
    }

    private static void awaitEveryEvent(List<BenchSocket> sockets, String statusId, long deadline) {
        while (System.nanoTime() < deadline && !sockets.stream().allMatch(socket -> gotBoth(socket, statusId))) {
            BenchServer.sleep(10);
        }
    }

    private static boolean gotBoth(BenchSocket socket, String statusId) {
        return STREAMS.stream().allMatch(stream -> socket.updateArrival(stream, statusId) != null);
    }

    private static boolean gotAll(BenchSocket socket, List<String> statusIds) {
        return statusIds.stream().allMatch(id -> gotBoth(socket, id));
    }

    private static void record(List<BenchSocket> sockets, String statusId, long start, Latencies user,
                               Latencies publicStream) {
        for (BenchSocket socket : sockets) {
            Long onUser = socket.updateArrival("user", statusId);
            Long onPublic = socket.updateArrival("public", statusId);
            if (onUser != null) {
                user.add(onUser - start);
            }
            if (onPublic != null) {
                publicStream.add(onPublic - start);
            }
        }
    }
}
