package social.tsubame.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Work that one process of the server does at a time, whichever: a PostgreSQL session advisory lock, held on a
 * connection of its own while the work runs and freed by the database if the process dies.
 */
public final class ClusterLock {

    /** First key of the two-key advisory lock; {@link NodeNumberLease} uses another. */
    private static final int LOCK_NAMESPACE = 0x7453_0003;

    private final DataSource dataSource;
    private final int name;

    /** @param name the work's number, unique among the users of this class */
    public ClusterLock(DataSource dataSource, int name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    /** The lock, or empty when another process (or this one) holds it. */
    public Optional<Held> tryAcquire() {
        return take("SELECT pg_try_advisory_lock(?, ?)");
    }

    /** The lock, waiting for as long as another process holds it. */
    public Held acquire() {
        return take("SELECT true FROM pg_advisory_lock(?, ?)").orElseThrow();
    }

    /** Runs {@code sql}, which answers true once it holds the lock, on a connection kept while the lock is held. */
    private Optional<Held> take(String sql) {
        try {
            Connection connection = dataSource.getConnection();
            try (var statement = connection.prepareStatement(sql)) {
                statement.setInt(1, LOCK_NAMESPACE);
                statement.setInt(2, name);
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
            throw new IllegalStateException("Cannot take advisory lock " + name + ": " + e.getMessage(), e);
        }
    }

    /** Held until closed. */
    public final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (connection; var statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, LOCK_NAMESPACE);
                statement.setInt(2, name);
                statement.execute();
            } catch (SQLException e) {
                // The connection goes back to the pool broken or is dropped; either way the session's lock goes.
            }
        }
    }
}
