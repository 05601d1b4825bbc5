package social.tsubame.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.queue.QueueSnapshot;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A queue as the operator sees it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AdminQueue(String name, long depth, long pending, long scheduled, long dead, double latencySeconds,
                  double completedPerSecond, boolean paused, boolean slowed) {

    static AdminQueue of(QueueSnapshot snapshot) {
        return new AdminQueue(snapshot.queue().queueName(), snapshot.depth(), snapshot.pending(),
                snapshot.scheduled(), snapshot.dead(), snapshot.oldestAge().toMillis() / 1000.0,
                snapshot.completedPerSecond(), snapshot.paused(), snapshot.slowed());
    }
}
