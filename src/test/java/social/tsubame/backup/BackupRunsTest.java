package social.tsubame.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.core.ClusterLock;
import social.tsubame.testing.TsubameTest;

/** What backups and verifies leave in backup_runs and at their target, scheduled or not. */
@TsubameTest
class BackupRunsTest {

    private static final Path CONFIGURED_TARGET = temporaryFolder();

    @DynamicPropertySource
    static void backups(DynamicPropertyRegistry registry) {
        registry.add("tsubame.backup.target", CONFIGURED_TARGET::toString);
        registry.add("tsubame.backup.keep", () -> "2");
    }

    @Autowired
    CreateBackup createBackup;

    @Autowired
    VerifyBackup verifyBackup;

    @Autowired
    ScheduledBackups scheduledBackups;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BackupLock lock;

    @Autowired
    BackupRuns runs;

    @Autowired
    Clock clock;

    @Autowired
    Accounts accounts;

    @Autowired
    CreateLocalAccount createLocalAccount;

    private record Run(String kind, String location, Boolean succeeded, String message, Long bytes,
                       boolean finished) {
    }

    @BeforeEach
    void someone() {
        if (accounts.findLocal("hana").isEmpty()) {
            createLocalAccount.create(new CreateLocalAccount.Command("hana", "hana@example.org",
                    "correct horse battery", Role.USER));
        }
    }

    @Test
    void aBackupIsRecordedAsRunningThenAsDone() {
        Path target = temporaryFolder();
        List<Run> whileCopying = new ArrayList<>();
        BackupProgress watching = new BackupProgress() {
            @Override
            public void table(String name, long rows, long bytes) {
                whileCopying.add(latest("backup"));
            }
        };

        CreateBackup.Result backup = createBackup.create(target.toString(), watching);

        assertThat(whileCopying).isNotEmpty().allSatisfy(run -> {
            assertThat(run.succeeded()).isNull();
            assertThat(run.finished()).isFalse();
            assertThat(run.location()).isEqualTo(backup.location());
        });
        Run done = latest("backup");
        assertThat(done.succeeded()).isTrue();
        assertThat(done.finished()).isTrue();
        assertThat(done.location()).isEqualTo(backup.location());
        assertThat(done.bytes()).isEqualTo(backup.bytes()).isPositive();
        assertThat(done.message()).contains(backup.tables() + " tables");
        assertThat(Path.of(backup.location()).resolve(BackupManifest.FILE)).isRegularFile();
    }

    @Test
    void aFailedBackupIsRecordedWithItsReason() throws IOException {
        Path notAFolder = Files.createTempFile("tsubame-backups-", ".txt");

        assertThatThrownBy(() -> createBackup.create(notAFolder.resolve("backups").toString(), BackupProgress.SILENT))
                .isInstanceOf(RuntimeException.class);

        Run failed = latest("backup");
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.finished()).isTrue();
        assertThat(failed.location()).startsWith(notAFolder.resolve("backups").toString());
        assertThat(failed.message()).isNotBlank();
    }

    @Test
    void verifyRestoresTheNewestBackupIntoAScratchDatabaseAndRecordsSuccessOrFailure() throws IOException {
        Path target = temporaryFolder();
        CreateBackup.Result backup = createBackup.create(target.toString(), BackupProgress.SILENT);

        VerifyBackup.Result verified = verifyBackup.verifyNewest(target.toString(), BackupProgress.SILENT);

        assertThat(verified.location()).isEqualTo(backup.location());
        assertThat(verified.rows()).isEqualTo(backup.rows());
        Run success = latest("verify");
        assertThat(success.succeeded()).isTrue();
        assertThat(success.location()).isEqualTo(backup.location());
        assertThat(success.message()).contains(backup.rows() + " rows");
        assertThat(scratchDatabases()).isEmpty();

        Path accountsFile = Path.of(backup.location(), "tables", "accounts.copy.gz");
        byte[] damaged = Files.readAllBytes(accountsFile);
        damaged[damaged.length / 2] ^= 0x01;
        Files.write(accountsFile, damaged);

        assertThatThrownBy(() -> verifyBackup.verifyNewest(target.toString(), BackupProgress.SILENT))
                .isInstanceOf(BackupRefused.class).hasMessageContaining("does not match its checksum");
        Run failure = latest("verify");
        assertThat(failure.succeeded()).isFalse();
        assertThat(failure.finished()).isTrue();
        assertThat(failure.location()).isEqualTo(backup.location());
        assertThat(failure.message()).contains("tables/accounts.copy.gz does not match its checksum");
        assertThat(scratchDatabases()).isEmpty();
    }

    @Test
    void aTargetKeepsTheNewestBackupsAndDropsOnesCutShort() throws IOException {
        Path target = temporaryFolder();
        Path cutShort = Files.createDirectories(target.resolve(".tsubame-20000101T000000.000Z.partial/tables"));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(Path.of(createBackup.create(target.toString(), BackupProgress.SILENT).location())
                    .getFileName().toString());
        }

        try (var children = Files.list(target)) {
            assertThat(children.map(path -> path.getFileName().toString()).sorted())
                    .containsExactly(made.get(1), made.get(2));
        }
        assertThat(cutShort).doesNotExist();
    }

    @Test
    void aScheduledTimeGetsOneBackupAndNoneWhileAnotherProcessHoldsTheLock() {
        Instant slot = Instant.now();
        jdbc.update("UPDATE backup_runs SET started_at = started_at - interval '1 day'"); // earlier ones long past
        // held on a connection of its own, as another process would hold it
        try (ClusterLock.Held otherProcess = lock.tryAcquire().orElseThrow()) {
            long before = count("backup");

            assertThat(scheduledBackups.runFor(slot)).isEqualTo(ScheduledBackups.Outcome.TAKEN_BY_ANOTHER_PROCESS);
            assertThatThrownBy(() -> createBackup.create(null, BackupProgress.SILENT))
                    .isInstanceOf(BackupRefused.class).hasMessageContaining("Another backup or verify is running");
            assertThat(count("backup")).isEqualTo(before);
        }

        assertThat(scheduledBackups.runFor(slot)).isEqualTo(ScheduledBackups.Outcome.DONE);
        assertThat(latest("backup").location()).startsWith(CONFIGURED_TARGET.toString()).isNotNull();
        assertThat(latest("backup").succeeded()).isTrue();
        assertThat(latest("verify").succeeded()).isTrue();
        assertThat(latest("verify").location()).isEqualTo(latest("backup").location());
        // Another worker waking for the same time a moment later.
        assertThat(scheduledBackups.runFor(slot.plusSeconds(2))).isEqualTo(ScheduledBackups.Outcome.ALREADY_MADE);
    }

    @Test
    void workersOnOneScheduleTakeTurnsAndNeverBackUpAtOnce() {
        Instant since = clock.instant();
        BackupProperties everySecond = new BackupProperties(null, null, "* * * * * *", false, null);
        List<ScheduledBackups> workers = List.of(worker(everySecond), worker(everySecond));
        workers.forEach(ScheduledBackups::start);
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> backupsSince(since).stream()
                    .filter(backup -> backup.finishedAt() != null).count() >= 3);
        } finally {
            workers.forEach(ScheduledBackups::stop);
        }

        List<Timed> made = backupsSince(since);
        assertThat(made).hasSizeGreaterThanOrEqualTo(3).allSatisfy(backup -> {
            assertThat(backup.succeeded()).isTrue();
            assertThat(backup.finishedAt()).isNotNull();
        });
        for (int i = 1; i < made.size(); i++) {
            assertThat(made.get(i).startedAt()).isAfterOrEqualTo(made.get(i - 1).finishedAt());
        }
    }

    /** Another worker process's scheduler: its own lock sessions, the same database and target. */
    private ScheduledBackups worker(BackupProperties schedule) {
        return new ScheduledBackups(lock, runs, createBackup, verifyBackup, schedule, clock);
    }

    private record Timed(Boolean succeeded, Instant startedAt, Instant finishedAt) {
    }

    private List<Timed> backupsSince(Instant since) {
        return jdbc.query("""
                SELECT succeeded, started_at, finished_at FROM backup_runs
                WHERE kind = 'backup' AND started_at >= ? ORDER BY started_at
                """, (row, n) -> new Timed((Boolean) row.getObject("succeeded"),
                row.getTimestamp("started_at").toInstant(),
                row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant()),
                Timestamp.from(since));
    }

    private Run latest(String kind) {
        return jdbc.queryForObject("""
                SELECT kind, location, succeeded, message, bytes, finished_at IS NOT NULL AS finished
                FROM backup_runs WHERE kind = ? ORDER BY id DESC LIMIT 1
                """, (row, n) -> new Run(row.getString("kind"), row.getString("location"),
                (Boolean) row.getObject("succeeded"), row.getString("message"), (Long) row.getObject("bytes"),
                row.getBoolean("finished")), kind);
    }

    private long count(String kind) {
        return jdbc.queryForObject("SELECT count(*) FROM backup_runs WHERE kind = ?", Long.class, kind);
    }

    private List<Map<String, Object>> scratchDatabases() {
        return jdbc.queryForList("SELECT datname FROM pg_database WHERE datname LIKE 'tsubame_verify_%'");
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("tsubame-backups-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
