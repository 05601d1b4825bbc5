package social.tsubame.queue;

import java.time.Instant;

import io.lettuce.core.StreamMessage;

/**
 * A job that failed its last try, kept for an operator to inspect and replay.
 *
 * @param id      the dead-letter entry id, used to replay it
 * @param job     the job as it was on its last try
 * @param diedAt  when it gave up
 */
public record DeadLetter(String id, Job job, Instant diedAt) {

    static DeadLetter from(QueueName queue, StreamMessage<String, String> message) {
        var body = message.getBody();
        Job job = JobStreams.toJob(queue, body.getOrDefault("origin", message.getId()), body, null);
        String diedAt = body.get("died_at");
        return new DeadLetter(message.getId(), job,
                diedAt == null ? Instant.ofEpochMilli(JobStreams.entryMillis(message.getId()))
                        : Instant.ofEpochMilli(Long.parseLong(diedAt)));
    }
}
