package social.tsubame.queue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import social.tsubame.core.TimeOrderedIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a job as part of the current database transaction: the job is written to the {@code outbox} table and
 * reaches Redis through the {@link OutboxRelay} after the commit. A rolled-back change queues nothing; a committed one
 * is queued even if Redis is down or the process dies right after the commit.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final JsonMapper json;
    private final OutboxRelay relay;

    public Outbox(JdbcTemplate jdbc, TimeOrderedIds ids, JsonMapper json, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.json = json;
        this.relay = relay;
    }

    /** Adds a job to the current transaction; there must be one. */
    public <T> void add(JobType<T> type, T payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.add needs a transaction: the job must commit with its change");
        }
        jdbc.update("INSERT INTO outbox (id, queue, job_type, payload) VALUES (?, ?, ?, ?)",
                ids.next(), type.queue().queueName(), type.name(), json.writeValueAsString(payload));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}
