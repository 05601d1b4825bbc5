package social.tsubame.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.testing.TsubameTest;

@TsubameTest
class NodeNumberGuardTest {

    @Autowired
    NodeNumberGuard guard;

    @Autowired
    TimeOrderedIds ids;

    @Autowired
    JdbcTemplate jdbc;

    private int currentNode() {
        return (int) (ids.next() >>> TimeOrderedIds.COUNTER_BITS) & (TimeOrderedIds.MAX_NODES - 1);
    }

    private int holders(int node) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                + "AND classid = 1951596545 AND objid = ? AND database = (SELECT oid FROM pg_database "
                + "WHERE datname = current_database())", Integer.class, node);
    }

    @Test
    void aLostNodeLockIsClaimedAgain() {
        int node = currentNode();
        assertThat(holders(node)).isEqualTo(1);

        jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
                + "AND classid = 1951596545 AND objid = ? AND database = (SELECT oid FROM pg_database "
                + "WHERE datname = current_database())", Boolean.class, node);
        org.awaitility.Awaitility.await().until(() -> holders(node) == 0);

        guard.check();

        assertThat(holders(currentNode())).as("the node now in use is locked again").isEqualTo(1);
    }
}
