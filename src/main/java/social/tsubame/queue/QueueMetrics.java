package social.tsubame.queue;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What operators watch: per queue, its depth, pending and scheduled jobs, dead letters and the age of its oldest job
 * (from the last {@link QueueSnapshot}), and counters and run times of the jobs this process ran.
 */
@Component
public class QueueMetrics {

    public enum Outcome { PROCESSED, FAILED, RETRIED, DEFERRED, DEAD }

    private final MeterRegistry registry;
    private final Map<QueueName, QueueSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<QueueName, Map<Outcome, Counter>> counters = new EnumMap<>(QueueName.class);
    private final Map<QueueName, Timer> runTimes = new EnumMap<>(QueueName.class);

    public QueueMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (QueueName queue : QueueName.values()) {
            snapshots.put(queue, QueueSnapshot.empty(queue));
            gauge("tsubame.queue.depth", queue, "Jobs in the queue, waiting or running", s -> s.depth());
            gauge("tsubame.queue.pending", queue, "Jobs claimed by a consumer and not yet acknowledged",
                    s -> s.pending());
            gauge("tsubame.queue.scheduled", queue, "Failed jobs waiting for their retry", s -> s.scheduled());
            gauge("tsubame.queue.dead", queue, "Jobs in the dead letters", s -> s.dead());
            gauge("tsubame.queue.latency.seconds", queue, "Age of the oldest job in the queue",
                    s -> s.oldestAge().toMillis() / 1000.0);
            gauge("tsubame.queue.completed.rate", queue, "Jobs completed per second over the last minute",
                    QueueSnapshot::completedPerSecond);
            gauge("tsubame.queue.paused", queue, "1 while an operator has paused the queue",
                    s -> s.paused() ? 1 : 0);
            gauge("tsubame.queue.slowed", queue, "1 while back-pressure holds the queue's consumers back",
                    s -> s.slowed() ? 1 : 0);
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder("tsubame.queue.jobs")
                        .description("Jobs run by this process, by outcome")
                        .tag("queue", queue.queueName())
                        .tag("outcome", outcome.name().toLowerCase())
                        .register(registry));
            }
            counters.put(queue, byOutcome);
            runTimes.put(queue, Timer.builder("tsubame.queue.job.duration")
                    .description("Run time of one job")
                    .tag("queue", queue.queueName())
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    private void gauge(String name, QueueName queue, String description,
                       ToDoubleFunction<QueueSnapshot> value) {
        Gauge.builder(name, snapshots, all -> value.applyAsDouble(all.get(queue)))
                .description(description)
                .tag("queue", queue.queueName())
                .register(registry);
    }

    void record(QueueName queue, Outcome outcome) {
        counters.get(queue).get(outcome).increment();
    }

    Timer runTime(QueueName queue) {
        return runTimes.get(queue);
    }

    void update(QueueSnapshot snapshot) {
        snapshots.put(snapshot.queue(), snapshot);
    }
}
