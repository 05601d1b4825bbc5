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

    @Bean(destroyMethod = "close")
    NodeNumberLease nodeNumberLease(DataSource dataSource) throws SQLException {
        return NodeNumberLease.claim(dataSource);
    }

    @Bean
    TimeOrderedIds timeOrderedIds(Clock clock, NodeNumberLease lease) {
        return new TimeOrderedIds(clock, lease.node());
    }
}
