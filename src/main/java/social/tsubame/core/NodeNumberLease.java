package social.tsubame.core;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Claims a node number for this process with a PostgreSQL session advisory lock. The lock lives as long as the
 * connection that holds it, so a process that dies frees its number without any clean-up.
 */
public final class NodeNumberLease implements AutoCloseable {

    /** First key of the two-key advisory lock, so the lock names no other lock of the application. */
    private static final int LOCK_NAMESPACE = 0x7453_0001;

    private static final Log log = LogFactory.getLog(NodeNumberLease.class);

    private final Connection connection;
    private final int node;

    private NodeNumberLease(Connection connection, int node) {
        this.connection = connection;
        this.node = node;
    }

    public static NodeNumberLease claim(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            for (int node = 0; node < TimeOrderedIds.MAX_NODES; node++) {
                statement.setInt(1, LOCK_NAMESPACE);
                statement.setInt(2, node);
                try (var result = statement.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        log.info("Node number " + node + " claimed for id generation");
                        return new NodeNumberLease(connection, node);
                    }
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        connection.close();
        throw new IllegalStateException("All " + TimeOrderedIds.MAX_NODES
                + " node numbers are taken by running processes");
    }

    public int node() {
        return node;
    }

    /** Whether the lock is still ours: a dropped connection (a database restart, an idle timeout) loses it. */
    public boolean stillHeld() {
        try (var statement = connection.prepareStatement("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
                  AND classid = ? AND objid = ?
                """)) {
            statement.setInt(1, LOCK_NAMESPACE);
            statement.setInt(2, node);
            try (var result = statement.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
