package social.tsubame.queue;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;

/** Reads every queue's state from Redis on a timer, so a metrics scrape never waits on Redis. */
@Component
@Profile("!" + Roles.ADMIN_CLI)
class QueueSnapshots {

    private static final Log log = LogFactory.getLog(QueueSnapshots.class);

    private final JobStreams streams;
    private final QueueMetrics metrics;

    QueueSnapshots(JobStreams streams, QueueMetrics metrics) {
        this.streams = streams;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${tsubame.queue.snapshot-interval:5s}", initialDelay = 0)
    void refresh() {
        for (QueueName queue : QueueName.values()) {
            try {
                metrics.update(streams.snapshot(queue));
            } catch (RuntimeException e) {
                log.debug("Cannot read the state of queue " + queue, e);
            }
        }
    }
}
