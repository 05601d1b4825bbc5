package social.tsubame.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;
import social.tsubame.core.ClusterLock;

/**
 * Makes a backup at each time of {@code TSUBAME_BACKUP_SCHEDULE} (UTC) in worker processes, and then verifies it.
 * Every worker wakes at the same time; the backup lock lets one of them work, and a backup already begun for the
 * same time (by a worker whose clock ran a little ahead) lets the others stand down, so each time gets one backup.
 */
@Component
@Profile(Roles.WORKER + " & !" + Roles.ADMIN_CLI)
class ScheduledBackups implements SmartLifecycle {

    enum Outcome { DONE, FAILED, TAKEN_BY_ANOTHER_PROCESS, ALREADY_MADE }

    /** How far apart the clocks of two processes may be and still count as waking for the same time. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** How long a backup under way at shutdown may go on before it is interrupted (and recorded as failed). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private static final Log log = LogFactory.getLog(ScheduledBackups.class);

    private final BackupLock lock;
    private final BackupRuns runs;
    private final CreateBackup createBackup;
    private final VerifyBackup verifyBackup;
    private final BackupProperties properties;
    private final Clock clock;
    private final Optional<CronExpression> schedule;
    private volatile ScheduledThreadPoolExecutor executor;

    ScheduledBackups(BackupLock lock, BackupRuns runs, CreateBackup createBackup, VerifyBackup verifyBackup,
                     BackupProperties properties, Clock clock) {
        this.lock = lock;
        this.runs = runs;
        this.createBackup = createBackup;
        this.verifyBackup = verifyBackup;
        this.properties = properties;
        this.clock = clock;
        this.schedule = parse(properties.schedule());
    }

    private static Optional<CronExpression> parse(String schedule) {
        if (schedule.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CronExpression.parse(schedule));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TSUBAME_BACKUP_SCHEDULE is not a cron expression (six fields,"
                    + " seconds first, or @daily): " + e.getMessage(), e);
        }
    }

    /** The backup of the time {@code slot}, unless another process makes it or has made it. */
    Outcome runFor(Instant slot) {
        Optional<ClusterLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            return Outcome.TAKEN_BY_ANOTHER_PROCESS;
        }
        try (ClusterLock.Held ignored = held.get()) {
            if (runs.backupStartedSince(slot.minus(sameTime(slot)))) {
                return Outcome.ALREADY_MADE;
            }
            CreateBackup.Result backup = createBackup.createHoldingLock(null, BackupProgress.SILENT);
            log.info("Scheduled backup written to " + backup.location());
            if (properties.verifyScheduled()) {
                verifyBackup.verifyHoldingLock(null, BackupProgress.SILENT);
                log.info("Scheduled backup verified: " + backup.location());
            }
            return Outcome.DONE;
        } catch (RuntimeException e) {
            // Recorded as a failed run for the health page; the next time comes as planned.
            log.error("Scheduled backup failed: " + CreateBackup.messageOf(e), e);
            return Outcome.FAILED;
        }
    }

    /**
     * How long before {@code slot} a backup counts as the one for it: the clock skew allowed, but less than half the
     * time to the next slot, so that on a frequent schedule the backup of the time before does not count.
     */
    private Duration sameTime(Instant slot) {
        return schedule.map(cron -> cron.next(ZonedDateTime.ofInstant(slot, ZoneOffset.UTC)))
                .map(next -> Duration.between(slot, next.toInstant()).dividedBy(2))
                .filter(half -> half.compareTo(CLOCK_SKEW) < 0)
                .orElse(CLOCK_SKEW);
    }

    /** Waits for the first time after {@code after} (and after now), backs up, and waits for the next. */
    private void scheduleAfter(ScheduledThreadPoolExecutor running, CronExpression cron, Instant after) {
        Instant now = clock.instant();
        ZonedDateTime next = cron.next(ZonedDateTime.ofInstant(now.isAfter(after) ? now : after, ZoneOffset.UTC));
        if (next == null) {
            return;
        }
        Instant slot = next.toInstant();
        try {
            running.schedule(() -> {
                runFor(slot);
                scheduleAfter(running, cron, slot);
            }, Math.max(0, Duration.between(now, slot).toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Stopping.
        }
    }

    @Override
    public void start() {
        schedule.ifPresent(cron -> {
            ScheduledThreadPoolExecutor running = new ScheduledThreadPoolExecutor(1,
                    Thread.ofVirtual().name("scheduled-backups").factory());
            running.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            executor = running;
            scheduleAfter(running, cron, clock.instant());
        });
    }

    /** No new backup begins; one under way may finish within the grace, so that its run is recorded as done. */
    @Override
    public void stop() {
        ScheduledThreadPoolExecutor running = executor;
        if (running == null) {
            return;
        }
        executor = null;
        running.shutdown();
        try {
            if (!running.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
