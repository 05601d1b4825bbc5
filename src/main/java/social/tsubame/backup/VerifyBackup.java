package social.tsubame.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.ClusterLock;

/**
 * Proves a backup can be restored: checks its checksums, restores its tables into a scratch database made for the
 * purpose on the same PostgreSQL server (and dropped afterwards), counts the rows against the manifest, migrates
 * the schema on to this build's version, and records the outcome in {@code backup_runs} as a verify.
 */
@Component
public class VerifyBackup {

    public record Result(String location, int tables, long rows, int mediaFiles) {
    }

    private final BackupLock lock;
    private final BackupTargets targets;
    private final BackupRuns runs;
    private final SchemaMigrations migrations;
    private final ImportTables importTables;
    private final JdbcTemplate jdbc;
    private final Environment environment;

    VerifyBackup(BackupLock lock, BackupTargets targets, BackupRuns runs, SchemaMigrations migrations,
                 ImportTables importTables, JdbcTemplate jdbc, Environment environment) {
        this.lock = lock;
        this.targets = targets;
        this.runs = runs;
        this.migrations = migrations;
        this.importTables = importTables;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    /**
     * Verifies the newest complete backup at a target.
     *
     * @param target a directory or {@code s3://bucket/prefix}; null for the configured one
     * @throws BackupRefused when the backup fails a check (recorded as a failed verify), or another backup or
     *                       verify is running
     */
    public Result verifyNewest(String target, BackupProgress progress) {
        try (ClusterLock.Held held = lock.tryAcquire().orElseThrow(CreateBackup.BackupsRunning::new)) {
            return verifyHoldingLock(target, progress);
        }
    }

    Result verifyHoldingLock(String target, BackupProgress progress) {
        String location = targets.address(target);
        long run = runs.started(BackupRuns.Kind.VERIFY, location);
        Path scratch = RestoreBackup.scratchFolder();
        try (BackupTargets.Located located = targets.locate(target)) {
            location = located.location();
            progress.step("Verifying " + location);
            StagedBackup backup = StagedBackup.open(located.target().fetch(located.name(), scratch));
            backup.checkFiles(progress);
            Result result = restoreIntoScratchDatabase(location, backup, progress);
            runs.succeeded(run, location, "%d tables with %d rows restored into a scratch database, %d media files checked"
                    .formatted(result.tables(), result.rows(), result.mediaFiles()), backup.manifest().totalBytes());
            return result;
        } catch (RuntimeException e) {
            runs.failed(run, location, CreateBackup.messageOf(e));
            throw e;
        } finally {
            RestoreBackup.deleteQuietly(scratch);
        }
    }

    private Result restoreIntoScratchDatabase(String location, StagedBackup backup, BackupProgress progress) {
        BackupManifest manifest = backup.manifest();
        MigrationVersion version = MigrationVersion.fromVersion(manifest.schemaVersion());
        String database = "tsubame_verify_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        progress.step("Restoring into scratch database " + database);
        jdbc.execute("CREATE DATABASE " + Tables.quote(database));
        try {
            PGSimpleDataSource scratch = scratchDataSource(database);
            if (version.isNewerThan(migrations.latest(scratch))) {
                throw new BackupRefused("The backup is of schema version " + version
                        + ", newer than this Tsubame's: verify it with the release that made it or a newer one");
            }
            migrations.migrateTo(scratch, version);
            importTables.importInto(scratch, backup, progress, () -> { });
            checkRowCounts(scratch, manifest);
            migrations.migrateToLatest(scratch);
            return new Result(location, manifest.tables().size(), manifest.totalRows(), manifest.media().size());
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS " + Tables.quote(database) + " WITH (FORCE)");
        }
    }

    private static void checkRowCounts(PGSimpleDataSource scratch, BackupManifest manifest) {
        try (Connection connection = scratch.getConnection(); var statement = connection.createStatement()) {
            for (BackupManifest.TableFile table : manifest.tables()) {
                try (var result = statement.executeQuery("SELECT count(*) FROM " + Tables.quote(table.name()))) {
                    long rows = result.next() ? result.getLong(1) : -1;
                    if (rows != table.rows()) {
                        throw new BackupRefused("Table " + table.name() + " has " + rows
                                + " rows once restored where the manifest says " + table.rows());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the restored rows: " + e.getMessage(), e);
        }
    }

    /** The same server and credentials as the application's database, another database. */
    private PGSimpleDataSource scratchDataSource(String database) {
        PGSimpleDataSource scratch = new PGSimpleDataSource();
        scratch.setURL(environment.getRequiredProperty("spring.datasource.url"));
        scratch.setDatabaseName(database);
        scratch.setUser(environment.getProperty("spring.datasource.username"));
        scratch.setPassword(environment.getProperty("spring.datasource.password"));
        return scratch;
    }
}
