package social.tsubame.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import social.tsubame.media.MediaStorage;

/**
 * Restores a backup into this server's database and media storage, which must be empty. Everything is checked
 * before anything is written; the tables and media files then go in together or not at all, the schema is
 * migrated on to this build's version, and the cached copies of remote media the backup left out are forgotten.
 */
@Component
public class RestoreBackup {

    public record Result(String location, String schemaVersion, String migratedTo, int tables, long rows,
                         int mediaFiles) {
    }

    private final BackupTargets targets;
    private final DataSource dataSource;
    private final MediaStorage storage;
    private final SchemaMigrations migrations;
    private final ImportTables importTables;

    RestoreBackup(BackupTargets targets, DataSource dataSource, MediaStorage storage, SchemaMigrations migrations,
                  ImportTables importTables) {
        this.targets = targets;
        this.dataSource = dataSource;
        this.storage = storage;
        this.migrations = migrations;
        this.importTables = importTables;
    }

    /**
     * @param location one backup, or a target for its newest backup
     * @throws BackupRefused when the backup is damaged or newer than this build, or the database or media storage
     *                       is not empty
     */
    public Result restore(String location, BackupProgress progress) {
        Path scratch = scratchFolder();
        try (BackupTargets.Located located = targets.locate(location)) {
            progress.step("Reading " + located.location());
            StagedBackup backup = StagedBackup.open(located.target().fetch(located.name(), scratch));
            BackupManifest manifest = backup.manifest();
            MigrationVersion version = MigrationVersion.fromVersion(manifest.schemaVersion());
            MigrationVersion latest = migrations.latest(dataSource);
            if (version.isNewerThan(latest)) {
                throw new BackupRefused("The backup is of schema version " + version + ", newer than this Tsubame's ("
                        + latest + "): restore it with the release that made it or a newer one");
            }
            refuseUnlessEmpty(version);
            backup.checkFiles(progress);
            refuseMediaAlreadyStored(manifest);

            progress.step("Creating the schema at version " + version);
            migrations.migrateTo(dataSource, version);
            progress.step("Restoring " + manifest.tables().size() + " tables and " + manifest.media().size()
                    + " media files");
            importTables.importInto(dataSource, backup, progress, () -> storeMedia(backup, progress));
            progress.step("Migrating the schema to version " + latest);
            migrations.migrateToLatest(dataSource);
            progress.step("Forgetting the copies of remote media, which the backup left out");
            RemoteMediaCopies.forget(dataSource);
            return new Result(located.location(), manifest.schemaVersion(), latest.getVersion(),
                    manifest.tables().size(), manifest.totalRows(), manifest.media().size());
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** Empty: no table but Flyway's has a row, and the schema, if any, is not newer than the backup's. */
    private void refuseUnlessEmpty(MigrationVersion backupVersion) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, List<String>> tables = Tables.columns(connection);
            Optional<MigrationVersion> current = SchemaVersions.current(connection);
            if (current.isEmpty() && !tables.isEmpty()) {
                throw new BackupRefused("The database is not empty: it has tables Flyway did not make, such as "
                        + tables.keySet().iterator().next() + "; restore into an empty database");
            }
            String withRows = Tables.firstWithRows(connection, tables.keySet());
            if (withRows != null) {
                throw new BackupRefused("The database is not empty: table " + withRows
                        + " has rows; restore into an empty database");
            }
            if (current.isPresent() && current.get().isNewerThan(backupVersion)) {
                throw new BackupRefused("The database's schema is at version " + current.get()
                        + ", newer than the backup's (" + backupVersion + "); restore into a new, empty database");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database: " + e.getMessage(), e);
        }
    }

    private void refuseMediaAlreadyStored(BackupManifest manifest) {
        for (BackupManifest.MediaFile media : manifest.media()) {
            if (isStored(media.key())) {
                throw new BackupRefused("The media storage is not empty: it holds " + media.key()
                        + " already; restore into an empty media storage");
            }
        }
    }

    private boolean isStored(String key) {
        Optional<Resource> stored = storage.get(key);
        if (stored.isPresent()) {
            // A bucket's file comes as an open response: closed, so that its connection goes back to the pool.
            try (InputStream ignored = stored.get().getInputStream()) {
                return true;
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    /** Stores every media file, or, when one fails, deletes those stored so far. */
    private void storeMedia(StagedBackup backup, BackupProgress progress) {
        List<String> stored = new ArrayList<>();
        long bytes = 0;
        try {
            for (BackupManifest.MediaFile media : backup.manifest().media()) {
                byte[] content = Files.readAllBytes(backup.file(media.file()));
                storage.put(media.key(), content, media.contentType());
                stored.add(media.key());
                bytes += content.length;
                progress.mediaFile(stored.size(), backup.manifest().media().size(), bytes);
            }
        } catch (IOException | RuntimeException e) {
            for (String key : stored) {
                try {
                    storage.delete(key);
                } catch (RuntimeException deleteFailed) {
                    e.addSuppressed(deleteFailed);
                }
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot read a media file of the backup", io);
            }
            throw (RuntimeException) e;
        }
    }

    static Path scratchFolder() {
        try {
            return Files.createTempDirectory("tsubame-restore-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a scratch folder", e);
        }
    }

    static void deleteQuietly(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            // A temporary folder; the system clears it in time.
        }
    }
}
