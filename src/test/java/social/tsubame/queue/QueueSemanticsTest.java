package social.tsubame.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.testing.TsubameTest;

@TsubameTest
@Import(QueueSemanticsTest.Handlers.class)
@TestPropertySource(properties = {
        // the pull queue is left to consumers the tests start themselves
        "tsubame.worker.queues=default",
        "tsubame.queue.visibility-timeout=2s",
        "tsubame.queues.default.max-attempts=4",
        "tsubame.queues.default.base-backoff=300ms",
        "tsubame.queues.pull.max-attempts=2",
})
class QueueSemanticsTest {

    record Work(String key) {
    }

    static final JobType<Work> COUNTED = JobType.of("test.counted", QueueName.DEFAULT, Work.class);
    static final JobType<Work> FLAKY = JobType.of("test.flaky", QueueName.DEFAULT, Work.class);
    static final JobType<Work> SLOW = JobType.of("test.slow", QueueName.PULL, Work.class);

    static final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    static final List<Instant> flakyTries = new CopyOnWriteArrayList<>();
    static final AtomicBoolean flakyRecovered = new AtomicBoolean();

    @TestConfiguration
    static class Handlers {

        @Bean
        JobHandler<Work> counted() {
            return handler(COUNTED, work -> runs.computeIfAbsent(work.key(), k -> new AtomicInteger()).incrementAndGet());
        }

        @Bean
        JobHandler<Work> flaky() {
            return handler(FLAKY, work -> {
                flakyTries.add(Instant.now());
                if (!flakyRecovered.get()) {
                    throw new IllegalStateException("remote server down");
                }
                runs.computeIfAbsent(work.key(), k -> new AtomicInteger()).incrementAndGet();
            });
        }

        @Bean
        JobHandler<Work> slow() {
            return handler(SLOW, work -> runs.computeIfAbsent(work.key(), k -> new AtomicInteger()).incrementAndGet());
        }

        private static JobHandler<Work> handler(JobType<Work> type, java.util.function.Consumer<Work> body) {
            return new JobHandler<>() {
                @Override
                public JobType<Work> type() {
                    return type;
                }

                @Override
                public void handle(Work payload, Job job) {
                    body.accept(payload);
                }
            };
        }
    }

    @Autowired
    Jobs jobs;

    @Autowired
    JobStreams streams;

    @Autowired
    JobRunner runner;

    @Autowired
    RedisConnections connections;

    @Autowired
    QueueProperties properties;

    @Autowired
    ConsumptionGate gate;

    @BeforeEach
    void reset() {
        runs.clear();
        flakyTries.clear();
        flakyRecovered.set(false);
    }

    @Test
    void eachJobIsProcessedOnceAndLeavesTheQueue() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            jobs.enqueue(COUNTED, new Work("job-" + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.size() == 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.snapshot(QueueName.DEFAULT).depth() == 0);
        // Give a duplicate delivery, if there were one, time to show.
        Thread.sleep(500);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        QueueSnapshot snapshot = streams.snapshot(QueueName.DEFAULT);
        assertThat(snapshot.pending()).isZero();
        assertThat(snapshot.dead()).isZero();
    }

    private Optional<DeadLetter> deadLetterOf(JobType<?> type) {
        return streams.deadLetters(QueueName.DEFAULT, 100).stream()
                .filter(letter -> letter.job().type().equals(type.name()))
                .findFirst();
    }

    @Test
    void aFailingJobIsRetriedWithGrowingDelaysThenDeadLetteredAndCanBeReplayed() {
        jobs.enqueue(FLAKY, new Work("flaky"));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterOf(FLAKY).isPresent());
        assertThat(flakyTries).hasSize(4);
        Duration first = Duration.between(flakyTries.get(0), flakyTries.get(1));
        Duration third = Duration.between(flakyTries.get(2), flakyTries.get(3));
        // backoff 300 ms doubling, half of each delay random: [150, 300], [300, 600], [600, 1200] ms
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(third).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(third).isGreaterThan(first);

        DeadLetter letter = deadLetterOf(FLAKY).orElseThrow();
        assertThat(letter.job().attempt()).isEqualTo(4);
        assertThat(letter.job().lastError()).contains("remote server down");
        assertThat(runs).doesNotContainKey("flaky");

        flakyRecovered.set(true);
        assertThat(streams.replay(QueueName.DEFAULT, letter.id())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.containsKey("flaky"));
        assertThat(runs.get("flaky").get()).isEqualTo(1);
        assertThat(deadLetterOf(FLAKY)).isEmpty();
        assertThat(streams.replay(QueueName.DEFAULT, letter.id())).as("a dead letter replays once").isFalse();
    }

    @Test
    void aJobHeldByADeadConsumerIsFinishedByAnother() throws InterruptedException {
        streams.ensureGroup(QueueName.PULL);
        jobs.enqueue(SLOW, new Work("orphan"));
        // A consumer takes the job and dies before finishing it: it never acknowledges or renews.
        List<Job> taken = streams.readNew(connections.shared().sync(), QueueName.PULL, "doomed-consumer", 10,
                Duration.ofMillis(100));
        assertThat(taken).hasSize(1);
        assertThat(streams.snapshot(QueueName.PULL).pending()).isEqualTo(1);

        QueueWorker survivor = new QueueWorker(QueueName.PULL, "survivor", 4, properties.visibilityTimeout(),
                properties.upkeepInterval(), gate, streams, runner, connections);
        survivor.start();
        try {
            Thread.sleep(properties.visibilityTimeout().toMillis() / 2);
            assertThat(runs).as("not taken over before the visibility timeout").doesNotContainKey("orphan");
            await().atMost(Duration.ofSeconds(15)).until(() -> runs.containsKey("orphan"));
            await().atMost(Duration.ofSeconds(5)).until(() -> streams.snapshot(QueueName.PULL).pending() == 0);
            assertThat(runs.get("orphan").get()).isEqualTo(1);
            assertThat(streams.snapshot(QueueName.PULL).depth()).isZero();
        } finally {
            survivor.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aConsumerThatStalledCannotSettleAJobAnotherTookOver() throws InterruptedException {
        streams.ensureGroup(QueueName.PULL);
        long scheduledBefore = streams.snapshot(QueueName.PULL).scheduled();
        jobs.enqueue(SLOW, new Work("contested"));
        Job stale = streams.readNew(connections.shared().sync(), QueueName.PULL, "stalled-consumer", 10,
                Duration.ofMillis(100)).getFirst();
        Thread.sleep(properties.visibilityTimeout().toMillis() + 200);
        Job current = streams.claimAbandoned(QueueName.PULL, "new-consumer", properties.visibilityTimeout(), 10,
                        "0-0")
                .jobs().stream().filter(job -> job.id().equals(stale.id())).findFirst().orElseThrow();

        streams.renew(QueueName.PULL, "stalled-consumer", List.of(stale.id()));
        streams.acknowledge(stale);
        streams.retryLater(stale, 1, "late", Instant.now());
        assertThat(streams.snapshot(QueueName.PULL).pending()).as("still held by the new consumer").isEqualTo(1);
        assertThat(streams.snapshot(QueueName.PULL).scheduled()).isEqualTo(scheduledBefore);

        streams.acknowledge(current);
        assertThat(streams.snapshot(QueueName.PULL).pending()).isZero();
        assertThat(streams.snapshot(QueueName.PULL).depth()).isZero();
    }

    @Autowired
    RedisKeys keys;

    @Test
    void anEntryThatMakesNoSenseIsBuriedInsteadOfBlockingTheQueue() {
        connections.shared().sync().xadd(keys.stream(QueueName.DEFAULT), Map.of("attempt", "many", "junk", "x"));
        jobs.enqueue(COUNTED, new Work("after the junk"));
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.containsKey("after the junk"));
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.deadLetters(QueueName.DEFAULT, 100).stream()
                .anyMatch(letter -> letter.job().type().isEmpty()));
    }

    private List<String> consumersOf(QueueName queue) {
        return connections.shared().sync().xinfoConsumers(keys.stream(queue), JobStreams.GROUP).stream()
                .map(entry -> String.valueOf(((List<?>) entry).get(1)))
                .toList();
    }

    @Test
    void consumersLongGoneAreForgottenButNotThoseHoldingJobs() throws InterruptedException {
        streams.ensureGroup(QueueName.PULL);
        streams.readNew(connections.shared().sync(), QueueName.PULL, "gone-consumer", 1, Duration.ofMillis(10));
        jobs.enqueue(SLOW, new Work("held"));
        Job held = streams.readNew(connections.shared().sync(), QueueName.PULL, "busy-consumer", 1,
                Duration.ofMillis(100)).getFirst();
        Thread.sleep(50);

        streams.forgetIdleConsumers(QueueName.PULL, Duration.ofMillis(10));

        assertThat(consumersOf(QueueName.PULL)).contains("busy-consumer").doesNotContain("gone-consumer");
        streams.acknowledge(held);
    }

    @Test
    void aJobOfUnknownTypeGoesStraightToTheDeadLetters() {
        JobType<Work> unknown = JobType.of("test.nobody-handles-this", QueueName.DEFAULT, Work.class);
        jobs.enqueue(unknown, new Work("lost"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterOf(unknown).isPresent());
        DeadLetter letter = deadLetterOf(unknown).orElseThrow();
        assertThat(letter.job().attempt()).isEqualTo(1);
        assertThat(letter.job().lastError()).contains("No handler");
        assertThat(letter.job().payload()).contains("lost");
    }
}
