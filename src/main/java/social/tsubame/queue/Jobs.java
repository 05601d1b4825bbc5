package social.tsubame.queue;

import java.time.Clock;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Puts jobs on their queues right away. Work that follows a database change goes through {@link Outbox} instead, so
 * that it is queued if and only if the change committed.
 */
@Component
public class Jobs {

    private final JobStreams streams;
    private final JsonMapper json;
    private final Clock clock;

    public Jobs(JobStreams streams, JsonMapper json, Clock clock) {
        this.streams = streams;
        this.json = json;
        this.clock = clock;
    }

    /** Queues a job; returns its entry id. */
    public <T> String enqueue(JobType<T> type, T payload) {
        return streams.add(type.queue(), type.name(), json.writeValueAsString(payload), clock.instant());
    }
}
