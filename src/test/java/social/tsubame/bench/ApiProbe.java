package social.tsubame.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client API call made at a fixed rate, open loop (each timed from when it was due), for as long as it is let run:
 * what a local user feels while something else loads the server. Failed calls are counted apart.
 */
final class ApiProbe {

    private final HttpClient http;
    private final HttpRequest request;
    private final long interval;
    private final Latencies latencies;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean stopping;

    ApiProbe(HttpClient http, URI uri, String token, int perSecond, Latencies latencies) {
        this.http = http;
        this.request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
        this.interval = 1_000_000_000L / perSecond;
        this.latencies = latencies;
    }

    /** Probes for {@code seconds}; returns how many calls failed. */
    static int run(HttpClient http, URI uri, String token, int perSecond, int seconds, Latencies latencies)
            throws InterruptedException {
        ApiProbe probe = new ApiProbe(http, uri, token, perSecond, latencies);
        Thread running = Thread.ofVirtual().start(probe::run);
        Thread.sleep(seconds * 1000L);
        probe.stop();
        running.join();
        return probe.failures();
    }

    int failures() {
        return failures.get();
    }

    void run() {
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (long n = 0; !stopping; n++) {
                long due = start + n * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                calls.execute(() -> {
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 200) {
                            latencies.add(System.nanoTime() - due);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        stopping = true;
    }
}
