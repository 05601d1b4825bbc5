package social.tsubame.queue;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to their Redis streams and deletes them, in one database transaction per batch: if
 * Redis fails the rows stay for the next round; if the process dies after Redis took them, they are queued twice,
 * which idempotent handlers tolerate. Rows are locked with SKIP LOCKED, so every process can run a relay. A commit in
 * this process wakes the relay at once; rows of other processes are found by polling.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(OutboxRelay.class);
    private static final int BATCH = 500;
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final String[] KNOWN_QUEUES = Arrays.stream(QueueName.values())
            .map(QueueName::queueName).toArray(String[]::new);

    private record Row(long id, QueueName queue, String type, String payload, Timestamp createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RedisConnections connections;
    private final RedisKeys keys;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean signalled;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, RedisConnections connections,
                       RedisKeys keys) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
        this.keys = keys;
    }

    void wakeUp() {
        lock.lock();
        try {
            signalled = true;
            signal.signal();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            awaitSignal(backoff.isZero() ? POLL : backoff);
            try {
                while (running && relayBatch() == BATCH) {
                    // a full batch means more may be waiting
                }
                backoff = Duration.ZERO;
            } catch (RuntimeException e) {
                backoff = backoff.isZero() ? POLL : min(backoff.multipliedBy(2), MAX_BACKOFF);
                log.warn("Outbox relay failed; rows stay in the outbox, next try in " + backoff + ": " + e);
            }
        }
    }

    /** Relays one batch; returns how many rows it moved. */
    int relayBatch() {
        Integer moved = transactions.execute(status -> {
            // Rows for a queue this version does not know (written by a newer one during an upgrade) wait for a
            // version that does, without holding up the rest.
            List<Row> rows = jdbc.query(
                    "SELECT id, queue, job_type, payload, created_at FROM outbox WHERE queue = ANY (?) "
                            + "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                    (rs, i) -> new Row(rs.getLong(1), QueueName.of(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5)),
                    KNOWN_QUEUES, BATCH);
            if (rows.isEmpty()) {
                return 0;
            }
            enqueueAll(rows);
            jdbc.update("DELETE FROM outbox WHERE id = ANY (?)",
                    (Object) rows.stream().map(Row::id).toArray(Long[]::new));
            return rows.size();
        });
        return moved == null ? 0 : moved;
    }

    /** Sends all rows pipelined and waits for every reply, so a failure rolls the whole batch back. */
    private void enqueueAll(List<Row> rows) {
        RedisAsyncCommands<String, String> redis = connections.shared().async();
        List<RedisFuture<String>> replies = rows.stream()
                .map(row -> redis.xadd(keys.stream(row.queue()),
                        JobStreams.fields(row.type(), row.payload(), 0, row.createdAt().toInstant(), null)))
                .toList();
        for (RedisFuture<String> reply : replies) {
            try {
                reply.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Redis did not take the outbox batch", e);
            }
        }
    }

    private void awaitSignal(Duration timeout) {
        lock.lock();
        try {
            if (!signalled) {
                signal.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("outbox-relay").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the queue consumers, so their last commits still get relayed. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
