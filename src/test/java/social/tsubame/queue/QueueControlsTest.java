package social.tsubame.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.testing.TsubameTest;

/**
 * The operator's and back-pressure's hold on consumers, against real Redis: a paused queue keeps its jobs and gives
 * every one of them up once resumed; back-pressure holds the slowed queues to a few jobs while the watched queue
 * lags, and lets go once it caught up.
 */
@TsubameTest
@Import(QueueControlsTest.Handlers.class)
@TestPropertySource(properties = {
        // pull and ingress:low are left to consumers the tests start or stand in for themselves
        "tsubame.worker.queues=default",
})
class QueueControlsTest {

    record Work(String key) {
    }

    static final JobType<Work> COUNTED = JobType.of("test.controls.counted", QueueName.DEFAULT, Work.class);
    static final JobType<Work> TRACKED = JobType.of("test.controls.tracked", QueueName.PULL, Work.class);

    static final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    static final AtomicInteger running = new AtomicInteger();
    static final AtomicInteger mostAtOnce = new AtomicInteger();

    @TestConfiguration
    static class Handlers {

        @Bean
        JobHandler<Work> countedForControls() {
            return new JobHandler<>() {
                @Override
                public JobType<Work> type() {
                    return COUNTED;
                }

                @Override
                public void handle(Work payload, Job job) {
                    runs.computeIfAbsent(payload.key(), k -> new AtomicInteger()).incrementAndGet();
                }
            };
        }

        /** Takes a while and notes how many of its kind ran at once. */
        @Bean
        JobHandler<Work> trackedForControls() {
            return new JobHandler<>() {
                @Override
                public JobType<Work> type() {
                    return TRACKED;
                }

                @Override
                public void handle(Work payload, Job job) {
                    int now = running.incrementAndGet();
                    mostAtOnce.accumulateAndGet(now, Math::max);
                    try {
                        Thread.sleep(150);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                        runs.computeIfAbsent(payload.key(), k -> new AtomicInteger()).incrementAndGet();
                    }
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
    QueueControls controls;

    @Autowired
    RedisConnections connections;

    @Autowired
    RedisKeys keys;

    @Autowired
    QueueProperties properties;

    @AfterEach
    void reset() {
        controls.resume(QueueName.DEFAULT);
        runs.clear();
        mostAtOnce.set(0);
        connections.shared().sync().del(keys.stream(QueueName.INGRESS_LOW));
    }

    @Test
    void aPausedQueueHoldsItsJobsAndGivesEachUpOnceResumed() throws InterruptedException {
        assertThat(controls.pause(QueueName.DEFAULT)).isTrue();
        assertThat(controls.pause(QueueName.DEFAULT)).as("already paused").isFalse();
        assertThat(streams.snapshot(QueueName.DEFAULT).paused()).isTrue();
        // A read already waiting when the pause lands may still take jobs: let it run out first.
        Thread.sleep(2_500);

        for (int i = 0; i < 50; i++) {
            jobs.enqueue(COUNTED, new Work("held-" + i));
        }
        Thread.sleep(1_000);
        assertThat(runs).as("nothing runs while paused").isEmpty();
        assertThat(streams.snapshot(QueueName.DEFAULT).depth()).isEqualTo(50);
        assertThat(controls.pausedQueues()).containsExactly(QueueName.DEFAULT);

        assertThat(controls.resume(QueueName.DEFAULT)).isTrue();
        assertThat(controls.resume(QueueName.DEFAULT)).as("not paused any more").isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.size() == 50);
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.snapshot(QueueName.DEFAULT).depth() == 0);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(streams.snapshot(QueueName.DEFAULT).paused()).isFalse();
        // Completions are counted in ten-second windows; the rate shows once the window of these has closed.
        await().atMost(Duration.ofSeconds(25))
                .until(() -> streams.snapshot(QueueName.DEFAULT).completedPerSecond() > 0);
    }

    @Test
    void onlyJobsNobodyHasTakenCountAsWaiting() throws InterruptedException {
        streams.ensureGroup(QueueName.INGRESS_LOW);
        streams.add(QueueName.INGRESS_LOW, "test.controls.waiting", "{}", Instant.now());
        Thread.sleep(300);
        assertThat(streams.oldestWaitingAge(QueueName.INGRESS_LOW)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        // A consumer takes it and dies: the job waits for its takeover, not in the queue.
        streams.readNew(connections.shared().sync(), QueueName.INGRESS_LOW, "gone", 10, Duration.ofMillis(100));
        assertThat(streams.oldestAge(QueueName.INGRESS_LOW)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(streams.oldestWaitingAge(QueueName.INGRESS_LOW)).isZero();

        streams.add(QueueName.INGRESS_LOW, "test.controls.waiting", "{}", Instant.now());
        Thread.sleep(100);
        assertThat(streams.oldestWaitingAge(QueueName.INGRESS_LOW)).as("the job after the taken one")
                .isPositive().isLessThan(streams.oldestAge(QueueName.INGRESS_LOW));
    }

    @Test
    void backPressureHoldsTheSlowedQueueToAFewJobsWhileTheWatchedOneLagsAndLetsGoAfter() throws Exception {
        var backPressure = new QueueProperties.BackPressure("ingress:low", List.of("pull"), Duration.ofMillis(300),
                1);
        var configured = new QueueProperties(null, new QueueProperties.Shared(properties.visibilityTimeout(),
                properties.upkeepInterval(), backPressure), Map.of());
        ConsumptionGate gate = new ConsumptionGate(controls, streams, configured);
        // A job nobody consumes makes the watched queue lag.
        streams.add(QueueName.INGRESS_LOW, "test.controls.waiting", "{}", Instant.now());
        Thread.sleep(400);
        gate.refresh();
        assertThat(gate.backPressureOn()).isTrue();
        assertThat(gate.concurrency(QueueName.PULL, 4)).isEqualTo(1);
        assertThat(gate.concurrency(QueueName.DEFAULT, 4)).as("only the slowed queues").isEqualTo(4);
        assertThat(streams.snapshot(QueueName.PULL).slowed()).isTrue();

        QueueWorker worker = new QueueWorker(QueueName.PULL, "gated", 4, properties.visibilityTimeout(),
                properties.upkeepInterval(), gate, streams, runner, connections);
        worker.start();
        try {
            for (int i = 0; i < 6; i++) {
                jobs.enqueue(TRACKED, new Work("slowed-" + i));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> runs.size() == 6);
            assertThat(mostAtOnce.get()).as("one at a time under back-pressure").isEqualTo(1);

            connections.shared().sync().del(keys.stream(QueueName.INGRESS_LOW));
            gate.refresh();
            assertThat(gate.backPressureOn()).isFalse();
            assertThat(gate.concurrency(QueueName.PULL, 4)).isEqualTo(4);
            mostAtOnce.set(0);
            for (int i = 0; i < 12; i++) {
                jobs.enqueue(TRACKED, new Work("free-" + i));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> runs.size() == 18);
            assertThat(mostAtOnce.get()).as("several at once again").isGreaterThan(1);
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !streams.snapshot(QueueName.PULL).slowed());
    }
}
