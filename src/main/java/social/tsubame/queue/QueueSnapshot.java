package social.tsubame.queue;

import java.time.Duration;

/**
 * The state of one queue at a moment.
 *
 * @param depth     jobs in the stream: waiting or being worked on
 * @param pending   jobs claimed by a consumer and not yet acknowledged
 * @param scheduled failed jobs waiting for their retry time
 * @param dead      jobs in the dead letters
 * @param oldestAge how long the oldest job in the stream has waited: the queue's latency
 */
public record QueueSnapshot(QueueName queue, long depth, long pending, long scheduled, long dead, Duration oldestAge) {
}
