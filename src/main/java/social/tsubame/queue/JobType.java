package social.tsubame.queue;

/**
 * A kind of job: its name on the wire, the queue it runs on and the type of its payload.
 *
 * @param name    stable name stored with each job; renaming it strands jobs already queued
 * @param queue   the queue jobs of this type are put on
 * @param payload the record a job of this type carries, serialized as JSON
 */
public record JobType<T>(String name, QueueName queue, Class<T> payload) {

    public static <T> JobType<T> of(String name, QueueName queue, Class<T> payload) {
        return new JobType<>(name, queue, payload);
    }
}
