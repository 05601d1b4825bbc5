package social.tsubame.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run by this JVM, keeping its cluster in a directory that survives restarts; or, when another
 * live process owns that directory (a server, beside which an admin command runs), that process's server.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** Line of {@code postmaster.pid} that holds the port (PostgreSQL documents the file's layout). */
    private static final int PID_FILE_PORT_LINE = 3;

    private final EmbeddedPostgres postgres;
    private final DirectoryOwnership ownership;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, DirectoryOwnership ownership, int port) {
        this.postgres = postgres;
        this.ownership = ownership;
        this.port = port;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<DirectoryOwnership> ownership = DirectoryOwnership.tryTake(dataDirectory);
        if (ownership.isEmpty()) {
            return attach(pidFile);
        }
        StaleProcess.stopIfRunning(pidFile, "postgres", Duration.ofSeconds(30));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port > 0 ? port : 0)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .start();
        return new EmbeddedPostgresServer(postgres, ownership.get(), postgres.getPort());
    }

    private static EmbeddedPostgresServer attach(Path pidFile) throws IOException {
        List<String> lines = StaleProcess.readLines(pidFile);
        if (lines.size() <= PID_FILE_PORT_LINE) {
            throw new IOException("A PostgreSQL server runs on " + pidFile.getParent() + " but its port is unknown");
        }
        return new EmbeddedPostgresServer(null, null, Integer.parseInt(lines.get(PID_FILE_PORT_LINE).trim()));
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    /** Creates the database unless it exists. */
    public void createDatabaseIfMissing(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), "");
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            ownership.close();
        }
    }
}
