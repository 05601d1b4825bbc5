package social.tsubame.queue;

/**
 * Does the work of one job type. A handler returns only after its work has committed, and it may be called again for
 * a job it already did (after a crash, before the acknowledgement), so it must be idempotent.
 */
public interface JobHandler<T> {

    JobType<T> type();

    void handle(T payload, Job job) throws Exception;
}
