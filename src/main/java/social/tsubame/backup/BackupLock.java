package social.tsubame.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * One backup or verify at a time across every process of the server: a PostgreSQL session advisory lock, held on a
 * connection of its own for as long as the work runs, and freed by the database if the process dies.
 */
@Component
class BackupLock {

    /** First key of the two-key advisory lock; {@code core.NodeNumberLease} uses another. */
    private static final int LOCK_NAMESPACE = 0x7453_0002;
    private static final int BACKUPS = 0;

    private final DataSource dataSource;

    BackupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock, or empty when another process (or this one) holds it. */
    Optional<Held> tryAcquire() {
        try {
            Connection connection = dataSource.getConnection();
            try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, LOCK_NAMESPACE);
                statement.setInt(2, BACKUPS);
                try (var result = statement.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        return Optional.of(new Held(connection));
                    }
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the backup lock: " + e.getMessage(), e);
        }
    }

    /** Held until closed. */
    static final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (connection; var statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, LOCK_NAMESPACE);
                statement.setInt(2, BACKUPS);
                statement.execute();
            } catch (SQLException e) {
                // The connection goes back to the pool broken or is dropped; either way the session's lock goes.
            }
        }
    }
}
