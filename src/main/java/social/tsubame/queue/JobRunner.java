package social.tsubame.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one job and settles it: acknowledged after its handler returned, scheduled for a retry with backoff when the
 * handler threw, put back for later without losing a try when the handler deferred it, buried in the dead letters
 * after its last try or when it can never succeed.
 */
@Component
public class JobRunner {

    private static final Log log = LogFactory.getLog(JobRunner.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JobHandlers handlers;
    private final JobStreams streams;
    private final QueueMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<QueueName, RetryPolicy> policies = new EnumMap<>(QueueName.class);

    public JobRunner(JobHandlers handlers, JobStreams streams, QueueMetrics metrics, JsonMapper json, Clock clock,
                     QueueProperties properties) {
        this.handlers = handlers;
        this.streams = streams;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        for (QueueName queue : QueueName.values()) {
            policies.put(queue, RetryPolicy.of(properties.tuning(queue)));
        }
    }

    void run(Job job) {
        var handler = handlers.forType(job.type());
        if (handler.isEmpty()) {
            settleFailure(job, new PermanentJobFailure("No handler for job type " + job.type()));
            return;
        }
        long started = System.nanoTime();
        try {
            invoke(handler.get(), job);
        } catch (Exception e) {
            settleFailure(job, e);
            return;
        } finally {
            metrics.runTime(job.queue()).record(Duration.ofNanos(System.nanoTime() - started));
        }
        streams.acknowledge(job);
        metrics.record(job.queue(), QueueMetrics.Outcome.PROCESSED);
    }

    private <T> void invoke(JobHandler<T> handler, Job job) throws Exception {
        T payload;
        try {
            payload = json.readValue(job.payload(), handler.type().payload());
        } catch (JacksonException e) {
            throw new PermanentJobFailure("Unreadable payload for " + job.type(), e);
        }
        handler.handle(payload, job);
    }

    private void settleFailure(Job job, Exception failure) {
        if (failure instanceof DeferJob deferral) {
            streams.retryLater(job, job.attempt(), job.lastError(), clock.instant().plus(deferral.delay()));
            metrics.record(job.queue(), QueueMetrics.Outcome.DEFERRED);
            return;
        }
        metrics.record(job.queue(), QueueMetrics.Outcome.FAILED);
        String error = describe(failure);
        RetryPolicy policy = policies.get(job.queue());
        int failedAttempts = job.attempt() + 1;
        if (!(failure instanceof PermanentJobFailure) && policy.mayRetry(failedAttempts)) {
            Duration delay = policy.delayAfter(failedAttempts);
            log.info("Job " + job.type() + " " + job.id() + " failed (try " + failedAttempts + "), retrying in "
                    + delay + ": " + error);
            streams.retryLater(job, failedAttempts, error, clock.instant().plus(delay));
            metrics.record(job.queue(), QueueMetrics.Outcome.RETRIED);
        } else {
            log.warn("Job " + job.type() + " " + job.id() + " failed for good after " + failedAttempts
                    + " tries: " + error, failure);
            streams.bury(job, error);
            metrics.record(job.queue(), QueueMetrics.Outcome.DEAD);
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }
}
