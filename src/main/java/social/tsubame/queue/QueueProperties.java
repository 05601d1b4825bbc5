package social.tsubame.queue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How queues are consumed and retried.
 *
 * @param worker which queues a worker process consumes ({@code tsubame.worker.queues})
 * @param queue  settings shared by all queues
 * @param queues per-queue tuning, keyed by {@link QueueName#propertyName()}
 */
@ConfigurationProperties("tsubame")
public record QueueProperties(Worker worker, Shared queue, Map<String, Tuning> queues) {

    public record Worker(List<String> queues) {
    }

    /**
     * @param visibilityTimeout how long a claimed job may go without word from its consumer before another takes it
     *                          over
     * @param upkeepInterval    how often a consumer renews its claims, takes over abandoned jobs and releases due
     *                          retries
     */
    public record Shared(Duration visibilityTimeout, Duration upkeepInterval, BackPressure backPressure) {
    }

    /**
     * When the watched queue's oldest job not yet taken has waited {@code latency} or longer, consumers of the slowed
     * queues run at most {@code concurrency} jobs at a time per process, until the wait is back under half of it: a
     * flood from other servers then waits in its own queue instead of delaying local timelines.
     */
    public record BackPressure(String watch, List<String> slow, Duration latency, Integer concurrency) {

        static final BackPressure DEFAULT = new BackPressure("default", List.of("ingress", "ingress:low"),
                Duration.ofSeconds(5), 2);

        public QueueName watched() {
            return QueueName.of(watch != null ? watch : DEFAULT.watch);
        }

        public Set<QueueName> slowed() {
            Set<QueueName> slowed = EnumSet.noneOf(QueueName.class);
            (slow != null ? slow : DEFAULT.slow).stream().filter(name -> !name.isBlank()).map(QueueName::of)
                    .forEach(slowed::add);
            return slowed;
        }

        public Duration threshold() {
            return latency != null ? latency : DEFAULT.latency;
        }

        public int reducedConcurrency() {
            return concurrency != null ? concurrency : DEFAULT.concurrency;
        }
    }

    /**
     * @param concurrency  jobs of this queue in flight at once in one process
     * @param maxAttempts  tries before a job goes to the dead letters
     * @param baseBackoff  delay before the first retry; each further retry doubles it
     * @param maxBackoff   the longest delay between two tries
     */
    public record Tuning(Integer concurrency, Integer maxAttempts, Duration baseBackoff, Duration maxBackoff) {

        static final Tuning DEFAULT = new Tuning(16, 8, Duration.ofSeconds(10), Duration.ofHours(1));

        Tuning orDefaults() {
            return new Tuning(
                    concurrency != null ? concurrency : DEFAULT.concurrency,
                    maxAttempts != null ? maxAttempts : DEFAULT.maxAttempts,
                    baseBackoff != null ? baseBackoff : DEFAULT.baseBackoff,
                    maxBackoff != null ? maxBackoff : DEFAULT.maxBackoff);
        }
    }

    public QueueProperties {
        queues = queues == null ? Map.of() : queues;
    }

    /** The queues this process consumes when it is a worker; all of them unless configured. */
    public Set<QueueName> consumedQueues() {
        if (worker == null || worker.queues() == null || worker.queues().isEmpty()) {
            return EnumSet.allOf(QueueName.class);
        }
        Set<QueueName> consumed = EnumSet.noneOf(QueueName.class);
        worker.queues().stream().filter(name -> !name.isBlank()).map(QueueName::of).forEach(consumed::add);
        return consumed;
    }

    public Duration upkeepInterval() {
        Duration configured = queue == null || queue.upkeepInterval() == null ? Duration.ofSeconds(1)
                : queue.upkeepInterval();
        // Claims must be renewed well within the visibility timeout.
        Duration third = visibilityTimeout().dividedBy(3);
        return configured.compareTo(third) < 0 ? configured : third;
    }

    public Duration visibilityTimeout() {
        return queue == null || queue.visibilityTimeout() == null ? Duration.ofMinutes(5) : queue.visibilityTimeout();
    }

    public BackPressure backPressure() {
        return queue == null || queue.backPressure() == null ? BackPressure.DEFAULT : queue.backPressure();
    }

    public Tuning tuning(QueueName queue) {
        Tuning tuning = queues.get(queue.propertyName());
        return tuning == null ? Tuning.DEFAULT : tuning.orDefaults();
    }
}
