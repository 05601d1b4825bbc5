package social.tsubame.queue;

import java.time.Duration;

/**
 * Thrown by a handler that cannot run the job now for a reason that is not the job's fault (its target is busy): the
 * job waits {@code delay} and comes back without using up one of its tries.
 */
public class DeferJob extends RuntimeException {

    private final Duration delay;

    public DeferJob(String reason, Duration delay) {
        super(reason, null, false, false);
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }
}
