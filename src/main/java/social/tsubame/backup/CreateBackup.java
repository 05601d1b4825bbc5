package social.tsubame.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import social.tsubame.core.ClusterLock;

/**
 * Makes a backup of the database and of local media at a target, records it in {@code backup_runs}, and deletes
 * the target's backups beyond the newest {@code TSUBAME_BACKUP_KEEP}.
 */
@Component
public class CreateBackup {

    /**
     * @param deleted the older backups that retention removed
     */
    public record Result(String location, int tables, long rows, int mediaFiles, List<String> missingMedia,
                         long skippedRemoteMedia, long bytes, List<String> deleted) {
    }

    private static final Log log = LogFactory.getLog(CreateBackup.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'tsubame-'yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final BackupLock lock;
    private final BackupTargets targets;
    private final BackupRuns runs;
    private final ExportTables exportTables;
    private final CopyLocalMedia copyLocalMedia;
    private final BackupProperties properties;
    private final Clock clock;
    private final String server;

    CreateBackup(BackupLock lock, BackupTargets targets, BackupRuns runs, ExportTables exportTables,
                 CopyLocalMedia copyLocalMedia, BackupProperties properties, Clock clock,
                 @Value("${tsubame.local-domain}") String server) {
        this.lock = lock;
        this.targets = targets;
        this.runs = runs;
        this.exportTables = exportTables;
        this.copyLocalMedia = copyLocalMedia;
        this.properties = properties;
        this.clock = clock;
        this.server = server;
    }

    /**
     * @param target a directory or {@code s3://bucket/prefix}; null for the configured one
     * @throws BackupRefused when another backup or verify is running
     */
    public Result create(String target, BackupProgress progress) {
        try (ClusterLock.Held held = lock.tryAcquire().orElseThrow(BackupsRunning::new)) {
            return createHoldingLock(target, progress);
        }
    }

    /** For a caller that holds the backup lock already. */
    Result createHoldingLock(String address, BackupProgress progress) {
        try (BackupTarget target = targets.open(address)) {
            String name = NAME.format(clock.instant());
            String location = target.location(name);
            Run run = new Run(location);
            Path folder = null;
            try {
                folder = target.begin(name);
                progress.step("Backing up to " + location);
                ExportTables.Exported exported = exportTables.export(folder, progress, run::start);
                progress.step("Media files of local accounts (" + exported.media().local().size() + ")");
                CopyLocalMedia.Copied media = copyLocalMedia.copy(exported.media().local(), folder, progress);
                BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, exported.schemaVersion(),
                        clock.instant(), server, exported.tables(), exported.sequences(), media.files(),
                        exported.media().remoteCached(), media.missing());
                manifest.write(folder);
                target.commit(name, folder);
                folder = null; // committed: nothing that fails from here on may take it away
                List<String> deleted = applyRetention(target, name, location);
                Result result = new Result(location, manifest.tables().size(), manifest.totalRows(),
                        manifest.media().size(), media.missing(), manifest.skippedRemoteMedia(),
                        manifest.totalBytes(), deleted);
                run.succeeded(result);
                return result;
            } catch (RuntimeException e) {
                if (folder != null) {
                    abandon(target, name, folder, e);
                }
                run.failed(e);
                throw e;
            }
        }
    }

    private List<String> applyRetention(BackupTarget target, String newest, String location) {
        List<String> deleted = new ArrayList<>();
        try {
            List<String> complete = target.complete();
            for (String old : complete.subList(0, Math.max(0, complete.size() - properties.keep()))) {
                target.delete(old);
                deleted.add(old);
            }
            // Left by a process that stopped mid-way; none can be running, as the lock is ours.
            for (String leftover : target.incomplete()) {
                if (leftover.compareTo(newest) < 0) {
                    target.delete(leftover);
                }
            }
            return deleted;
        } catch (RuntimeException e) {
            // A failed run, so that the operator hears of it before the target fills up.
            throw new IllegalStateException("Backup " + location + " is complete, but older backups were not deleted: "
                    + messageOf(e), e);
        }
    }

    private static void abandon(BackupTarget target, String name, Path folder, RuntimeException cause) {
        try {
            target.abandon(name, folder);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    static String messageOf(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The backup's row in {@code backup_runs}, written once the snapshot is taken so as not to be part of it. */
    private final class Run {

        private final String location;
        private Long id;

        Run(String location) {
            this.location = location;
        }

        void start() {
            id = runs.started(BackupRuns.Kind.BACKUP, location);
        }

        void succeeded(Result result) {
            runs.succeeded(id, location, "%d tables, %d rows, %d media files".formatted(result.tables(),
                    result.rows(), result.mediaFiles()), result.bytes());
        }

        void failed(RuntimeException cause) {
            try {
                if (id == null) {
                    start();
                }
                runs.failed(id, location, messageOf(cause));
            } catch (RuntimeException e) {
                log.warn("Cannot record the failed backup to " + location, e);
                cause.addSuppressed(e);
            }
        }
    }

    /** Refusal when the lock is taken. */
    static final class BackupsRunning extends BackupRefused {

        BackupsRunning() {
            super("Another backup or verify is running; try again once it has finished");
        }
    }
}
