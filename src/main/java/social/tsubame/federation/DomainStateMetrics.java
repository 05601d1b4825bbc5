package social.tsubame.federation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;

/**
 * How many known servers are in each state, counted on a timer so that a scrape never waits on the database:
 * reachable, given up as unavailable, throttled to {@code ingress:low}, and under an inbound rate limit.
 */
@Component
@Profile("!" + Roles.ADMIN_CLI)
class DomainStateMetrics {

    private static final Log log = LogFactory.getLog(DomainStateMetrics.class);
    private static final String[] STATES = {"available", "unavailable", "throttled", "rate_limited"};

    private final JdbcTemplate jdbc;
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    DomainStateMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (String state : STATES) {
            counts.put(state, 0L);
            Gauge.builder("tsubame.federation.domains", counts, all -> all.get(state))
                    .description("Known remote servers in each state")
                    .tag("state", state)
                    .register(registry);
        }
    }

    @Scheduled(fixedDelayString = "${tsubame.federation.domain-metrics-interval:60s}", initialDelay = 0)
    void refresh() {
        try {
            jdbc.query("""
                    SELECT count(*) FILTER (WHERE unavailable_since IS NULL),
                           count(*) FILTER (WHERE unavailable_since IS NOT NULL),
                           count(*) FILTER (WHERE inbound_throttled),
                           count(*) FILTER (WHERE inbound_rate_limit IS NOT NULL)
                    FROM instances
                    """, rs -> {
                for (int i = 0; i < STATES.length; i++) {
                    counts.put(STATES[i], rs.getLong(i + 1));
                }
            });
        } catch (RuntimeException e) {
            log.debug("Cannot count the known servers", e);
        }
    }
}
