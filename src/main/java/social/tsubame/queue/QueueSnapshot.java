package social.tsubame.queue;

import java.time.Duration;

/**
 * The state of one queue at a moment.
 *
 * @param depth          jobs in the stream: waiting or being worked on
 * @param pending        jobs claimed by a consumer and not yet acknowledged
 * @param scheduled      failed jobs waiting for their retry time
 * @param dead           jobs in the dead letters
 * @param oldestAge      how long the oldest job in the stream has waited: the queue's latency
 * @param completedPerSecond jobs completed per second over the last minute, by every consumer
 * @param paused         whether an operator paused the queue: its consumers take no new jobs
 * @param slowed         whether back-pressure holds its consumers to a few jobs at a time
 */
public record QueueSnapshot(QueueName queue, long depth, long pending, long scheduled, long dead, Duration oldestAge,
                            double completedPerSecond, boolean paused, boolean slowed) {

    static QueueSnapshot empty(QueueName queue) {
        return new QueueSnapshot(queue, 0, 0, 0, 0, Duration.ZERO, 0, false, false);
    }
}
