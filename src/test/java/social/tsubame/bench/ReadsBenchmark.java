package social.tsubame.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import social.tsubame.testing.ApiClient;

/**
 * Benchmark 4, reads: the home timeline (40 statuses) and the public timeline asked for at a fixed rate, open loop:
 * each request is timed from when it was due, so a slow server cannot hide its delay by slowing the load. Rates go
 * up in steps until p99 passes the limit; the highest rate that held under it is reported.
 */
final class ReadsBenchmark {

    record Step(String timeline, int rate, Latencies latencies, int errors) {
    }

    record Result(List<Step> steps, int statuses) {

        /** The highest rate of {@code timeline} whose p99 stayed under {@code millis} with no errors; 0 if none. */
        int highestRateUnder(String timeline, double millis) {
            return steps.stream()
                    .filter(step -> step.timeline().equals(timeline) && step.errors() == 0
                            && step.latencies().percentileMillis(99) < millis)
                    .mapToInt(Step::rate).max().orElse(0);
        }
    }

    private static final double P99_LIMIT_MILLIS = 20;

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int seconds = options.integer("seconds", 10);
        int first = options.integer("from", 250);
        int last = options.integer("to", 3000);
        int stepBy = options.integer("step", 250);
        Result result = run(seconds, first, last, stepBy);
        System.out.println("Reads: " + result.statuses() + " statuses, " + seconds + " s per step");
        for (Step step : result.steps()) {
            System.out.printf("  %-7s %5d req/s: %s, errors %d%n", step.timeline(), step.rate(),
                    step.latencies().summary(), step.errors());
        }
        for (String timeline : List.of("home", "public")) {
            System.out.printf("  highest rate with p99 under %.0f ms, %s: %d req/s%n", P99_LIMIT_MILLIS, timeline,
                    result.highestRateUnder(timeline, P99_LIMIT_MILLIS));
        }
        System.out.println("rerun: bench/run.sh reads --seconds " + seconds + " --from " + first + " --to " + last
                + " --step " + stepBy);
    }

    static Result run(int seconds, int firstRate, int lastRate, int stepBy) throws Exception {
        BenchStores.Database stores = BenchStores.fresh();
        try (BenchServer server = BenchServer.start("reads", stores, Map.of(
                "tsubame.registrations.mode", "open",
                // The limit stays on; it is raised so that one reader may ask this often.
                "tsubame.rate-limits.authenticated-api.requests", "1000000000",
                "tsubame.rate-limits.authenticated-api.period", "5m"))) {
            ApiClient api = new ApiClient(server.baseUrl());
            String reader = BenchPeople.signUp(api, "reader");
            List<String> writers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String writer = BenchPeople.signUp(api, "writer" + i);
                writers.add(writer);
                api.postForm("/api/v1/accounts/" + BenchPeople.accountId(api, writer) + "/follow", reader, Map.of());
            }
            int statuses = 200;
            for (int i = 0; i < statuses; i++) {
                api.postJson("/api/v1/statuses", writers.get(i % writers.size()), Map.of("status",
                        "Post " + i + " with a #tag and a link https://example.com/" + i, "visibility", "public"));
            }
            awaitHomeFeed(api, reader);

            List<Step> steps = new ArrayList<>();
            for (String timeline : List.of("home", "public")) {
                URI uri = URI.create(server.baseUrl() + "/api/v1/timelines/" + timeline + "?limit=40");
                load(uri, reader, Math.min(firstRate, 100), 2);
                for (int rate = firstRate; rate <= lastRate; rate += stepBy) {
                    Step step = new Step(timeline, rate, new Latencies(), 0);
                    int errors = load(uri, reader, rate, seconds, step.latencies());
                    steps.add(new Step(timeline, rate, step.latencies(), errors));
                    if (step.latencies().percentileMillis(99) > P99_LIMIT_MILLIS * 5) {
                        break;
                    }
                }
            }
            return new Result(steps, statuses);
        }
    }

    private static void awaitHomeFeed(ApiClient api, String reader) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (api.get("/api/v1/timelines/home?limit=40", reader).json().size() < 40) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The home feed never filled");
            }
            BenchServer.sleep(100);
        }
    }

    /** A warm-up, timed but not kept. */
    private static void load(URI uri, String token, int rate, int seconds) throws InterruptedException {
        load(uri, token, rate, seconds, new Latencies());
    }

    /** Sends {@code rate} requests a second for {@code seconds}; returns how many failed. */
    private static int load(URI uri, String token, int rate, int seconds, Latencies latencies)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
        AtomicInteger errors = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        int total = rate * seconds;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                senders.execute(() -> {
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - due);
                });
            }
        }
        return errors.get();
    }
}
