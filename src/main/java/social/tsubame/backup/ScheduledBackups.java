package social.tsubame.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;

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

    private static final Log log = LogFactory.getLog(ScheduledBackups.class);

    private final BackupLock lock;
    private final BackupRuns runs;
    private final CreateBackup createBackup;
    private final VerifyBackup verifyBackup;
    private final BackupProperties properties;
    private final Clock clock;
    private final Optional<CronExpression> schedule;
    private volatile Thread thread;

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
        Optional<BackupLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            return Outcome.TAKEN_BY_ANOTHER_PROCESS;
        }
        try (BackupLock.Held ignored = held.get()) {
            if (runs.backupStartedSince(slot.minus(CLOCK_SKEW))) {
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

    private void runOnSchedule(CronExpression cron) {
        while (!Thread.currentThread().isInterrupted()) {
            ZonedDateTime next = cron.next(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            if (next == null) {
                return;
            }
            try {
                Thread.sleep(Duration.between(clock.instant(), next.toInstant()).plusMillis(1).abs());
            } catch (InterruptedException e) {
                return;
            }
            runFor(next.toInstant());
        }
    }

    @Override
    public void start() {
        schedule.ifPresent(cron -> thread = Thread.ofVirtual().name("scheduled-backups")
                .start(() -> runOnSchedule(cron)));
    }

    @Override
    public void stop() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
