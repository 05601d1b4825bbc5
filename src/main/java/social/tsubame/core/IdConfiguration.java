package social.tsubame.core;

import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Closed by {@link NodeNumberGuard}, which may have replaced it by then. */
    @Bean(destroyMethod = "")
    NodeNumberLease nodeNumberLease(DataSource dataSource) throws SQLException {
        return NodeNumberLease.claim(dataSource);
    }

    @Bean
    TimeOrderedIds timeOrderedIds(Clock clock, NodeNumberLease lease) {
        return new TimeOrderedIds(clock, lease.node());
    }
}
