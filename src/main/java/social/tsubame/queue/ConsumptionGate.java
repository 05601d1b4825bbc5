package social.tsubame.queue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;

/**
 * How many jobs of each queue this process may run at once: none while an operator has the queue paused, a few while
 * back-pressure is on, otherwise as configured. Refreshed from Redis once per upkeep interval, so the consumers ask
 * it without a round trip.
 */
@Component
@Profile(Roles.WORKER + " & !" + Roles.ADMIN_CLI)
class ConsumptionGate {

    private static final Log log = LogFactory.getLog(ConsumptionGate.class);
    /** The mark outlives a few missed refreshes, and no more, so a dead process cannot leave a queue slowed. */
    private static final Duration SLOWED_MARK = Duration.ofSeconds(5);

    private final QueueControls controls;
    private final JobStreams streams;
    private final QueueProperties.BackPressure backPressure;
    private volatile Set<QueueName> paused = EnumSet.noneOf(QueueName.class);
    private volatile boolean backPressureOn;

    ConsumptionGate(QueueControls controls, JobStreams streams, QueueProperties properties) {
        this.controls = controls;
        this.streams = streams;
        this.backPressure = properties.backPressure();
    }

    int concurrency(QueueName queue, int configured) {
        if (paused.contains(queue)) {
            return 0;
        }
        if (backPressureOn && backPressure.slowed().contains(queue)) {
            return Math.min(configured, backPressure.reducedConcurrency());
        }
        return configured;
    }

    boolean backPressureOn() {
        return backPressureOn;
    }

    @Scheduled(fixedDelayString = "${tsubame.queue.upkeep-interval:1s}", initialDelay = 0)
    void refresh() {
        try {
            paused = controls.pausedQueues();
            Duration latency = streams.oldestWaitingAge(backPressure.watched());
            // Off only well below the threshold, so a latency hovering at it does not switch every second.
            boolean on = backPressureOn
                    ? latency.compareTo(backPressure.threshold().dividedBy(2)) >= 0
                    : latency.compareTo(backPressure.threshold()) >= 0;
            if (on != backPressureOn) {
                log.info("Back-pressure " + (on ? "on" : "off") + ": queue " + backPressure.watched()
                        + " latency " + latency.toMillis() + " ms; slowing " + backPressure.slowed());
            }
            backPressureOn = on;
            if (on) {
                backPressure.slowed().forEach(queue -> controls.markSlowed(queue, SLOWED_MARK));
            }
        } catch (RuntimeException e) {
            log.debug("Cannot read the queue controls; keeping the last ones", e);
        }
    }
}
