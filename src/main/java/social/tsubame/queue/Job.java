package social.tsubame.queue;

import java.time.Instant;

/**
 * A job as it sits in a queue.
 *
 * @param id         the stream entry id, which changes when a job is retried or replayed
 * @param queue      where it is queued
 * @param type       the {@link JobType#name()}
 * @param payload    the payload as JSON
 * @param attempt    how many tries came before this one
 * @param enqueuedAt when the job was first queued
 * @param lastError  why the previous try failed, if one did
 * @param consumer   the consumer holding it, which alone may settle it; null for a job not taken (a dead letter)
 */
public record Job(String id, QueueName queue, String type, String payload, int attempt, Instant enqueuedAt,
                  String lastError, String consumer) {
}
