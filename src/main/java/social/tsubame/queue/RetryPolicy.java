package social.tsubame.queue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so that jobs failing together do not come back together. */
record RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff) {

    static RetryPolicy of(QueueProperties.Tuning tuning) {
        return new RetryPolicy(tuning.maxAttempts(), tuning.baseBackoff(), tuning.maxBackoff());
    }

    /** Whether a job that has failed {@code failedAttempts} times may be tried again. */
    boolean mayRetry(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }

    /** The delay before try number {@code failedAttempts + 1}: half fixed, half random. */
    Duration delayAfter(int failedAttempts) {
        long base = baseBackoff.toMillis();
        long exponential = failedAttempts >= 40 ? Long.MAX_VALUE : base << Math.max(0, failedAttempts - 1);
        long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
