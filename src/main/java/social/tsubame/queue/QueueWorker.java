package social.tsubame.queue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Consumes one queue in this process. A reader takes as many new jobs as there are free slots and hands each to its
 * own virtual thread; the number of slots is the queue's concurrency, so a full process stops reading and the jobs
 * stay in Redis for other processes. Before reading new jobs the reader takes over jobs abandoned by dead consumers.
 * A keeper renews the claim on running jobs and releases retries whose time has come. The {@link ConsumptionGate}
 * can hold the reader to fewer jobs, or none.
 */
final class QueueWorker {

    private static final Log log = LogFactory.getLog(QueueWorker.class);
    private static final int MAX_BATCH = 100;
    private static final Duration READ_BLOCK = Duration.ofSeconds(2);
    private static final Duration GATE_WAIT = Duration.ofMillis(100);
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofMinutes(10);
    /** Long past any visibility timeout: a consumer this quiet belongs to a process that is gone. */
    private static final Duration FORGET_CONSUMERS_AFTER = Duration.ofDays(1);

    private final QueueName queue;
    private final String consumer;
    private final JobStreams streams;
    private final JobRunner runner;
    private final RedisConnections connections;
    private final Duration visibilityTimeout;
    private final Duration upkeepInterval;
    private final int concurrency;
    private final ConsumptionGate gate;
    private final Semaphore slots;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService jobThreads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopping;
    private volatile StatefulRedisConnection<String, String> readerConnection;
    private long nextClaimAt;
    private String claimCursor = "0-0";
    private Thread reader;
    private Thread keeper;

    QueueWorker(QueueName queue, String consumer, int concurrency, Duration visibilityTimeout,
                Duration upkeepInterval, ConsumptionGate gate, JobStreams streams, JobRunner runner,
                RedisConnections connections) {
        this.queue = queue;
        this.consumer = consumer;
        this.streams = streams;
        this.runner = runner;
        this.connections = connections;
        this.visibilityTimeout = visibilityTimeout;
        this.upkeepInterval = upkeepInterval;
        this.concurrency = concurrency;
        this.gate = gate;
        this.slots = new Semaphore(concurrency);
    }

    void start() {
        streams.ensureGroup(queue);
        reader = Thread.ofVirtual().name("queue-" + queue + "-reader").start(this::readLoop);
        keeper = Thread.ofVirtual().name("queue-" + queue + "-keeper").start(this::keepLoop);
    }

    private void readLoop() {
        try (StatefulRedisConnection<String, String> connection = connections.dedicated()) {
            readerConnection = connection;
            while (!stopping) {
                int taken = withinGate(takeSlots());
                if (taken == 0) {
                    continue;
                }
                List<Job> jobs = List.of();
                try {
                    jobs = claimAbandoned(taken);
                    if (jobs.isEmpty()) {
                        jobs = streams.readNew(connection.sync(), queue, consumer, taken, READ_BLOCK);
                    }
                } catch (RedisCommandExecutionException e) {
                    recoverFrom(e);
                } catch (RuntimeException e) {
                    if (!stopping) {
                        log.warn("Reading queue " + queue + " failed; trying again", e);
                        pause(Duration.ofSeconds(1));
                    }
                }
                slots.release(taken - jobs.size());
                jobs.forEach(this::dispatch);
            }
        }
    }

    /** Waits for at least one free slot, then takes every free one up to a batch. */
    private int takeSlots() {
        try {
            if (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            return 0;
        }
        int more = Math.min(slots.availablePermits(), MAX_BATCH - 1);
        return 1 + (more > 0 && slots.tryAcquire(more) ? more : 0);
    }

    /**
     * Gives back the slots the gate does not allow now (paused, or slowed by back-pressure); while none are allowed
     * the reader waits a little instead of spinning.
     */
    private int withinGate(int taken) {
        if (taken == 0) {
            return 0;
        }
        int allowed = Math.max(0, Math.min(taken, gate.concurrency(queue, concurrency) - running.size()));
        slots.release(taken - allowed);
        if (allowed == 0) {
            pause(GATE_WAIT);
        }
        return allowed;
    }

    private void recoverFrom(RedisCommandExecutionException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
            // Redis lost the stream (restart without persistence): make it again and carry on.
            streams.ensureGroup(queue);
        } else if (!stopping) {
            log.warn("Reading queue " + queue + " failed; trying again", e);
            pause(Duration.ofSeconds(1));
        }
    }

    private void dispatch(Job job) {
        running.add(job.id());
        jobThreads.execute(() -> {
            try {
                runner.run(job);
            } catch (RuntimeException e) {
                // Settling failed (Redis unreachable): the job stays pending and is taken over after the timeout.
                log.warn("Could not settle job " + job.id() + " of queue " + queue, e);
            } finally {
                running.remove(job.id());
                slots.release();
            }
        });
    }

    /** Takes over jobs of dead consumers first, with the slots the reader holds, once per upkeep interval. */
    private List<Job> claimAbandoned(int slotsHeld) {
        long now = System.nanoTime();
        if (now - nextClaimAt < 0) {
            return List.of();
        }
        nextClaimAt = now + upkeepInterval.toNanos();
        JobStreams.Claimed result = streams.claimAbandoned(queue, consumer, visibilityTimeout, slotsHeld,
                claimCursor);
        claimCursor = result.next() == null ? "0-0" : result.next();
        List<Job> claimed = result.jobs();
        if (!claimed.isEmpty()) {
            log.info("Took over " + claimed.size() + " abandoned jobs of queue " + queue);
        }
        return claimed;
    }

    private void keepLoop() {
        long nextHousekeeping = System.nanoTime();
        while (!stopping) {
            try {
                streams.renew(queue, consumer, List.copyOf(running));
                streams.releaseDue(queue, MAX_BATCH);
                if (System.nanoTime() - nextHousekeeping >= 0) {
                    nextHousekeeping = System.nanoTime() + HOUSEKEEPING_INTERVAL.toNanos();
                    streams.forgetIdleConsumers(queue, FORGET_CONSUMERS_AFTER);
                }
            } catch (RuntimeException e) {
                if (!stopping) {
                    log.warn("Queue " + queue + " upkeep failed; trying again", e);
                }
            }
            pause(upkeepInterval);
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Stops reading; a blocked read is cut short by closing its connection. */
    void requestStop() {
        stopping = true;
        var connection = readerConnection;
        if (connection != null) {
            connection.closeAsync();
        }
    }

    /** Waits for running jobs to finish; what is unfinished stays pending for another consumer. */
    void stop(Duration grace) throws InterruptedException {
        requestStop();
        reader.join(READ_BLOCK.plusSeconds(1));
        keeper.join(Duration.ofSeconds(2));
        jobThreads.shutdown();
        if (!jobThreads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            jobThreads.shutdownNow();
        }
    }

    QueueName queue() {
        return queue;
    }
}
