package social.tsubame.core;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks that this process still holds its node number. If the lock went with its connection, another process may
 * take the number, so this one claims a new number at once; ids stay unique but for the few seconds between the loss
 * and this check, which the primary keys then guard.
 */
@Component
class NodeNumberGuard implements DisposableBean {

    private static final Log log = LogFactory.getLog(NodeNumberGuard.class);

    private final DataSource dataSource;
    private final TimeOrderedIds ids;
    private NodeNumberLease lease;

    NodeNumberGuard(DataSource dataSource, TimeOrderedIds ids, NodeNumberLease lease) {
        this.dataSource = dataSource;
        this.ids = ids;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${tsubame.ids.lease-check-interval:5s}")
    synchronized void check() {
        if (lease.stillHeld()) {
            return;
        }
        log.error("Lost the lock on node number " + lease.node() + "; claiming another");
        try {
            NodeNumberLease renewed = NodeNumberLease.claim(dataSource);
            ids.switchNode(renewed.node());
            closeQuietly(lease);
            lease = renewed;
        } catch (SQLException | RuntimeException e) {
            log.error("Could not claim a new node number; will try again", e);
        }
    }

    private static void closeQuietly(NodeNumberLease lost) {
        try {
            lost.close();
        } catch (SQLException e) {
            // the connection is gone already: that is why we are here
        }
    }

    @Override
    public synchronized void destroy() throws SQLException {
        lease.close();
    }
}
