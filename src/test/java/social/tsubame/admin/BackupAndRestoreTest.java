package social.tsubame.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.backup.BackupProgress;
import social.tsubame.backup.CreateBackup;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.media.MediaAttachment;
import social.tsubame.media.MediaStorage;
import social.tsubame.media.StoreProfileImage;
import social.tsubame.media.TestImages;
import social.tsubame.media.UploadMedia;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Visibility;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.S3StandIn;
import social.tsubame.testing.TestServers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code admin restore} of backups made while the server runs: what comes back, and what is refused. */
@TsubameTest
class BackupAndRestoreTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final S3StandIn S3 = S3StandIn.start();
    private static final Map<String, Object> S3_SETTINGS = Map.of(
            "tsubame.backup.s3.endpoint", S3.endpoint(),
            "tsubame.backup.s3.region", "garage",
            "tsubame.backup.s3.access-key-id", "GK1234",
            "tsubame.backup.s3.secret-access-key", "secret");

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        S3_SETTINGS.forEach((name, value) -> registry.add(name, () -> value));
        // the health page is read right after each backup here
        registry.add("tsubame.health.cache-for", () -> "0s");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    CreateBackup createBackup;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MediaStorage storage;

    @Autowired
    Accounts accounts;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    UploadMedia uploadMedia;

    @Autowired
    StoreProfileImage storeProfileImage;

    @Autowired
    PostStatus postStatus;

    @Autowired
    TimeOrderedIds ids;

    @BeforeEach
    void content() {
        if (accounts.findLocal("rin").isEmpty()) {
            Account rin = createLocalAccount.create(new CreateLocalAccount.Command("rin", "rin@example.org",
                    "correct horse battery", Role.USER)).account();
            createLocalAccount.create(new CreateLocalAccount.Command("sora", "sora@example.org",
                    "correct horse battery", Role.USER));
            MediaAttachment photo = uploadMedia.upload(new UploadMedia.Command(rin.id(), TestImages.jpeg(40, 20),
                    "A heron at dawn", null));
            postStatus.post(new PostStatus.Command(rin.id(), "Herons, 'quotes', tabs\tand\nlines", null, false,
                    Visibility.PUBLIC, "en", null, List.of(photo.id())));
            String avatar = storeProfileImage.store(TestImages.png(TestImages.redLeftBlueRight(64, 64)),
                    StoreProfileImage.Kind.AVATAR);
            jdbc.update("UPDATE accounts SET avatar_file = ? WHERE id = ?", avatar, rin.id());
            long kai = ids.next();
            jdbc.update("""
                    INSERT INTO accounts (id, username, domain, uri, avatar_file, avatar_remote_url)
                    VALUES (?, 'kai', 'remote.example', 'https://remote.example/users/kai', 'cache/kai.png',
                            'https://remote.example/kai.png')
                    """, kai);
            jdbc.update("""
                    INSERT INTO cached_remote_files (file_key, kind, account_id, byte_size)
                    VALUES ('cache/kai.png', 'avatar', ?, 1234)""", kai);
        }
        // Jobs of the new post done, so that the tables stay as backed up while the test compares them.
        await().until(() -> jdbc.queryForObject("SELECT count(*) FROM outbox", Long.class) == 0);
    }

    @Test
    void aBackupRestoresIntoAnEmptyServerWithIdenticalRowsAndMediaFiles() throws IOException {
        Path target = Files.createTempDirectory("tsubame-backups-");
        CreateBackup.Result backup = createBackup.create(target.toString(), BackupProgress.SILENT);
        assertThat(backup.mediaFiles()).isEqualTo(3);
        assertThat(backup.skippedRemoteMedia()).isEqualTo(1);

        Map<String, Object> empty = TestServers.freshProperties();
        CommandRunner.Result restored = admin(empty, "restore", backup.location());

        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("statuses").contains("Restored " + backup.location());
        assertThat(rowsOfEveryTable(database(empty), "")).isEqualTo(rowsOfEveryTable(jdbc, backup.location()));
        for (String key : localMediaKeys()) {
            assertThat(Path.of((String) empty.get("tsubame.media.local-path")).resolve(key)).as(key)
                    .hasBinaryContent(storage.get(key).orElseThrow().getContentAsByteArray());
        }
        assertThat(Path.of((String) empty.get("tsubame.media.local-path")).resolve("cache/kai.png")).doesNotExist();
        assertThat(database(empty).queryForObject("SELECT avatar_file FROM accounts WHERE username = 'kai'",
                String.class)).as("a copy left out of the backup is forgotten").isNull();
        assertThat(database(empty).queryForObject("SELECT count(*) FROM cached_remote_files", Long.class)).isZero();

        CommandRunner.Result again = admin(empty, "restore", backup.location());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().strip())
                .isEqualTo("Restore refused: The database is not empty: table accounts has rows; restore into an"
                        + " empty database");
    }

    @Test
    void aDamagedIncompleteOrNewerBackupIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path target = Files.createTempDirectory("tsubame-backups-");
        Path backup = Path.of(createBackup.create(target.toString(), BackupProgress.SILENT).location());

        Path damaged = copy(backup, "damaged");
        byte[] accounts = Files.readAllBytes(damaged.resolve("tables/accounts.copy.gz"));
        accounts[accounts.length / 2] ^= 0x01;
        Files.write(damaged.resolve("tables/accounts.copy.gz"), accounts);
        assertRefusedIntoEmptyServer(damaged,
                "The backup is damaged: tables/accounts.copy.gz does not match its checksum in the manifest");

        Path incomplete = copy(backup, "incomplete");
        Path mediaFile;
        try (Stream<Path> files = Files.walk(incomplete.resolve("media"))) {
            mediaFile = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.delete(mediaFile);
        assertRefusedIntoEmptyServer(incomplete,
                "The backup is incomplete: " + incomplete.relativize(mediaFile) + " is missing");

        Path newer = copy(backup, "newer");
        Path manifest = newer.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest)
                .replaceFirst("\"schema_version\" ?: ?\"[^\"]+\"", "\"schema_version\" : \"999\""));
        assertRefusedIntoEmptyServer(newer, "The backup is of schema version 999, newer than this Tsubame's");
    }

    @Test
    void aBackupFoundWrongWhileRestoringLeavesNoRowAndNoMediaFile() throws IOException {
        Path target = Files.createTempDirectory("tsubame-backups-");
        Path backup = Path.of(createBackup.create(target.toString(), BackupProgress.SILENT).location());
        // Whole files, but a manifest that counts one status more than statuses.copy.gz holds: found out only once
        // accounts and the other tables before statuses are in.
        Path manifest = backup.resolve("manifest.json");
        ObjectNode written = (ObjectNode) JSON.readTree(manifest.toFile());
        long statuses = -1;
        for (JsonNode table : written.get("tables")) {
            if (table.get("name").asString().equals("statuses")) {
                statuses = table.get("rows").asLong();
                ((ObjectNode) table).put("rows", statuses + 1);
            }
        }
        JSON.writeValue(manifest.toFile(), written);

        Map<String, Object> empty = TestServers.freshProperties();
        CommandRunner.Result refused = admin(empty, "restore", backup.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("Restore refused: Table statuses of the backup holds " + statuses
                + " rows where its manifest says " + (statuses + 1));
        JdbcTemplate database = database(empty);
        assertThat(database.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'
                """, String.class)).contains("accounts", "statuses")
                .allSatisfy(table -> assertThat(database.queryForObject("SELECT count(*) FROM " + table, Long.class))
                        .as(table).isZero());
        Path media = Path.of((String) empty.get("tsubame.media.local-path"));
        if (Files.exists(media)) {
            try (Stream<Path> files = Files.walk(media)) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void aBackupInAnS3BucketIsCommittedByItsManifestAndRestoresFromThere() {
        String target = "s3://tsubame-backups/nightly";
        String leftover = "tsubame-backups/nightly/tsubame-20000101T000000.000Z/tables/accounts.copy.gz";
        S3.objects.put(leftover, new byte[1]);
        CreateBackup.Result backup = createBackup.create(target, BackupProgress.SILENT);
        assertThat(S3.objects).doesNotContainKey(leftover);
        assertThat(backup.location()).startsWith(target + "/tsubame-");
        String folder = backup.location().substring("s3://".length());
        List<String> puts = S3.requests.stream().filter(request -> request.startsWith("PUT " + folder)).toList();
        assertThat(puts).hasSize(backup.tables() + backup.mediaFiles() + 1);
        assertThat(puts.getLast()).isEqualTo("PUT " + folder + "/manifest.json");
        // Cut short before its manifest: not the newest backup, however new its name.
        S3.objects.put("tsubame-backups/nightly/tsubame-99991231T000000.000Z/tables/accounts.copy.gz", new byte[1]);

        Map<String, Object> empty = new HashMap<>(TestServers.freshProperties());
        empty.putAll(S3_SETTINGS);
        CommandRunner.Result restored = admin(empty, "restore", target);

        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restored " + backup.location());
        assertThat(rowsOfEveryTable(database(empty), "")).isEqualTo(rowsOfEveryTable(jdbc, backup.location()));
    }

    @Test
    void aBackupWhoseOlderOnesCannotBeDeletedIsKeptAndRecordedAsFailed() {
        String leftover = "tsubame-backups/locked/tsubame-20000101T000000.000Z/tables/accounts.copy.gz";
        S3.objects.put(leftover, new byte[1]);
        S3.undeletable.add(leftover);

        assertThatThrownBy(() -> createBackup.create("s3://tsubame-backups/locked", BackupProgress.SILENT))
                .hasMessageMatching("Backup s3://tsubame-backups/locked/tsubame-\\S+ is complete, but older backups"
                        + " were not deleted: .*Access Denied.*");

        Map<String, Object> run = jdbc.queryForMap(
                "SELECT location, succeeded, message, finished_at FROM backup_runs ORDER BY id DESC LIMIT 1");
        assertThat(run.get("succeeded")).isEqualTo(false);
        assertThat(run.get("finished_at")).isNotNull();
        assertThat((String) run.get("message")).startsWith("Backup " + run.get("location") + " is complete");
        String manifest = ((String) run.get("location")).substring("s3://".length()) + "/manifest.json";
        assertThat(S3.objects).containsKey(manifest).containsKey(leftover);
    }

    @Test
    void theBackupCommandShowsItsProgressAndVerifiesWhatItWrote() throws IOException {
        Map<String, Object> server = TestServers.freshProperties();
        Path target = Files.createTempDirectory("tsubame-backups-");

        CommandRunner.Result backup = admin(server, "backup", "--to", target.toString());
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).containsPattern("accounts +\\d+ rows").contains("Backed up to " + target);

        CommandRunner.Result verify = admin(server, "backup", "--verify", "--to", target.toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("Checking the checksums of").containsPattern("accounts +\\d+ rows")
                .contains("Verified " + target);
        assertThat(database(server).queryForList("SELECT kind, succeeded FROM backup_runs ORDER BY id"))
                .containsExactly(Map.of("kind", "backup", "succeeded", true),
                        Map.of("kind", "verify", "succeeded", true));

        Path noBackups = Files.createTempDirectory("tsubame-nothing-");
        CommandRunner.Result nothing = admin(server, "restore", noBackups.toString());
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).startsWith("Restore refused: No complete backup at");
    }

    @Test
    void aFailedAndThenASuccessfulBackupShowOnTheHealthPage() throws IOException {
        Path notADirectory = Files.createTempFile("tsubame-not-a-directory-", "");
        CommandRunner.Result failed = CommandRunner.withBeansOf(context, "backup", "--to", notADirectory.toString());
        ApiClient api = new ApiClient(port);

        assertThat(failed.exitCode()).isNotZero();
        assertThat(api.get("/about/health", null).body()).contains("The latest backup failed.");
        assertThat(api.get("/api/v1/instance/health", null).json().path("backups").path("backup")
                .path("last_failed").asBoolean()).isTrue();

        Path target = Files.createTempDirectory("tsubame-backups-");
        CommandRunner.Result done = CommandRunner.withBeansOf(context, "backup", "--to", target.toString());

        assertThat(done.exitCode()).as(done.err()).isZero();
        JsonNode backup = api.get("/api/v1/instance/health", null).json().path("backups").path("backup");
        assertThat(backup.path("last_failed").asBoolean()).isFalse();
        assertThat(backup.path("last_success_age_seconds").asDouble()).isBetween(0.0, 300.0);
        assertThat(api.get("/about/health", null).body()).doesNotContain("The latest backup failed.");
    }

    private void assertRefusedIntoEmptyServer(Path backup, String reason) {
        Map<String, Object> empty = TestServers.freshProperties();
        CommandRunner.Result refused = admin(empty, "restore", backup.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Restore refused: " + reason);
        assertThat(refused.err().strip()).doesNotContain("\n");
        assertThat(database(empty).queryForObject(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", Long.class)).isZero();
        assertThat(Path.of((String) empty.get("tsubame.media.local-path"))).doesNotExist();
    }

    /**
     * Every row of every table as text, by table. The run of the backup compared against is left out: it is
     * recorded once the backup's snapshot is taken.
     */
    private static Map<String, List<String>> rowsOfEveryTable(JdbcTemplate database, String backupLocation) {
        Map<String, List<String>> rows = new HashMap<>();
        // Cached copies of remote media are left out of a backup and forgotten by a restore.
        for (String table : database.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                  AND table_name NOT IN ('flyway_schema_history', 'cached_remote_files')
                """, String.class)) {
            String where = table.equals("backup_runs") ? " WHERE location <> ?" : "";
            Object[] arguments = table.equals("backup_runs") ? new Object[] {backupLocation} : new Object[0];
            String row = table.equals("accounts") ? """
                    (to_jsonb(t) || CASE WHEN t.domain IS NULL THEN '{}'::jsonb
                                         ELSE '{"avatar_file": null, "header_file": null}'::jsonb END)::text"""
                    : "t::text";
            rows.put(table, database.queryForList("SELECT " + row + " FROM " + table + " t" + where + " ORDER BY 1",
                    String.class, arguments));
        }
        assertThat(rows.get("media_attachments")).isNotEmpty();
        return rows;
    }

    private List<String> localMediaKeys() {
        return jdbc.queryForList("""
                SELECT file_key FROM media_attachments UNION SELECT thumbnail_key FROM media_attachments
                UNION SELECT avatar_file FROM accounts WHERE domain IS NULL AND avatar_file IS NOT NULL
                """, String.class);
    }

    private static JdbcTemplate database(Map<String, Object> properties) {
        return new JdbcTemplate(new DriverManagerDataSource((String) properties.get("spring.datasource.url"),
                (String) properties.get("spring.datasource.username"), ""));
    }

    private static Path copy(Path backup, String purpose) throws IOException {
        Path copy = Files.createTempDirectory("tsubame-" + purpose + "-").resolve(backup.getFileName());
        FileSystemUtils.copyRecursively(backup, copy);
        return copy;
    }

    private static CommandRunner.Result admin(Map<String, Object> properties, String... args) {
        return CommandRunner.asFromTheJar(properties, args);
    }
}
