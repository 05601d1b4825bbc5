package social.tsubame.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import social.tsubame.backup.BackupRuns;
import social.tsubame.boot.Roles;
import social.tsubame.queue.JobStreams;
import social.tsubame.queue.QueueName;

/**
 * Once a minute in every process: records that the server runs and how long each queue makes jobs wait, prunes
 * samples past their retention, and raises alerts for a gap in the heartbeats, a failed backup run or a queue that
 * stays slow. Every process may notice the same event; {@link OperatorAlerts} sends each one once.
 */
@Component
@Profile("!" + Roles.ADMIN_CLI)
class HealthSampler {

    private static final Log log = LogFactory.getLog(HealthSampler.class);
    /** How far back failed backup runs are looked for: more than the time between two samples, however late one is. */
    private static final Duration FAILURE_LOOKBACK = Duration.ofHours(1);

    private final Heartbeats heartbeats;
    private final QueueLatencySamples latencies;
    private final BackupRuns backups;
    private final JobStreams streams;
    private final OperatorAlerts alerts;
    private final HealthProperties properties;
    private final Clock clock;

    HealthSampler(Heartbeats heartbeats, QueueLatencySamples latencies, BackupRuns backups, JobStreams streams,
                  OperatorAlerts alerts, HealthProperties properties, Clock clock) {
        this.heartbeats = heartbeats;
        this.latencies = latencies;
        this.backups = backups;
        this.streams = streams;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * On the clock's minutes rather than a fixed delay, which drifts and now and then skips a minute; a second past
     * the minute, so a run that fires a little early or late still lands in the minute it is meant for.
     */
    @Scheduled(cron = "1 * * * * *")
    void sampleNow() {
        try {
            sample(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Cannot sample the server's health", e);
        }
    }

    void sample(Instant now) {
        Instant minute = Heartbeats.minuteOf(now);
        heartbeats.record(minute);
        noticeDowntime(minute);
        noticeFailedBackups(now);
        for (QueueName queue : QueueName.values()) {
            try {
                latencies.record(queue.queueName(), minute, streams.snapshot(queue).oldestAge());
            } catch (RuntimeException e) {
                log.debug("Cannot read the latency of queue " + queue, e);
                continue;
            }
            noticeSlowQueue(queue.queueName(), minute);
        }
        heartbeats.pruneBefore(minute.minus(properties.retention()));
        latencies.pruneBefore(minute.minus(properties.retention()));
        alerts.forgetBefore(minute.minus(properties.retention()));
    }

    private void noticeDowntime(Instant minute) {
        Optional<Instant> previous = heartbeats.latestBefore(minute);
        if (previous.isPresent() && Duration.between(previous.get(), minute).compareTo(properties.downAfter()) > 0) {
            Instant downFrom = previous.get().plus(Duration.ofMinutes(1));
            alerts.raise("down:" + downFrom, "the server was down from " + downFrom + " to " + minute + ".");
        }
    }

    private void noticeSlowQueue(String queue, Instant minute) {
        List<Duration> newest = latencies.newest(queue, properties.queueMinutes());
        if (newest.size() == properties.queueMinutes()
                && newest.stream().allMatch(latency -> latency.compareTo(properties.queueLatency()) > 0)) {
            // One alert per queue and hour while it stays slow, not one a minute.
            alerts.raise("queue:" + queue + ":" + minute.truncatedTo(ChronoUnit.HOURS),
                    "queue " + queue + " has kept jobs waiting over " + properties.queueLatency().toSeconds()
                            + " s for " + properties.queueMinutes() + " minutes (now " + newest.getFirst().toSeconds()
                            + " s).");
        }
    }

    private void noticeFailedBackups(Instant now) {
        for (BackupRuns.FailedRun run : backups.failedSince(now.minus(FAILURE_LOOKBACK))) {
            String what = run.kind() == BackupRuns.Kind.BACKUP ? "a backup" : "a verified restore";
            alerts.raise("backup:" + run.id(), what + " failed at " + run.finishedAt()
                    + (run.location().isBlank() ? "" : " (" + run.location() + ")")
                    + (run.message().isBlank() ? "." : ": " + run.message()));
        }
    }
}
