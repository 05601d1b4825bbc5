package social.tsubame.federation.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How reachable each remote server is, in the {@code instances} table. A server whose deliveries have failed without
 * a single success for longer than {@code tsubame.federation.unavailable-after} (a week by default, so an outage over
 * a weekend costs nobody their followers) is marked unavailable and skipped, until it answers or sends us something.
 */
@Component
public class DomainHealth {

    /**
     * How stale {@code last_success_at} may get while deliveries keep succeeding: at most one write per server and
     * process this often, instead of one per delivery, which would make the database the limit of delivery.
     */
    static final Duration SUCCESS_RECORDED_FOR = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration unavailableAfter;
    private final LoadingCache<String, Boolean> unavailable;
    /** Domains whose success this process wrote lately, with no failure since: no need to write it again. */
    private final Cache<String, Boolean> successRecorded = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(SUCCESS_RECORDED_FOR).build();

    public DomainHealth(JdbcTemplate jdbc, Clock clock,
                        @Value("${tsubame.federation.unavailable-after:7d}") Duration unavailableAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unavailableAfter = unavailableAfter;
        this.unavailable = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofSeconds(30))
                .build(domain -> Boolean.TRUE.equals(jdbc.query(
                        "SELECT unavailable_since IS NOT NULL FROM instances WHERE domain = ?",
                        rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, domain)));
    }

    public boolean isUnavailable(String domain) {
        return unavailable.get(domain);
    }

    /** The server took a delivery, or sent us something: it is reachable again. */
    public void recordSuccess(String domain) {
        if (successRecorded.getIfPresent(domain) == null) {
            writeSuccess(domain);
        }
    }

    private void writeSuccess(String domain) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO instances (domain, last_success_at, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (domain) DO UPDATE SET last_success_at = excluded.last_success_at, failure_count = 0,
                    unavailable_since = NULL, updated_at = excluded.updated_at
                """, domain, now, now);
        unavailable.put(domain, false);
        successRecorded.put(domain, true);
    }

    /** A delivery failed; marks the server unavailable once its failures have lasted long enough. */
    public void recordFailure(String domain) {
        successRecorded.invalidate(domain);
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp failingSince = Timestamp.from(clock.instant().minus(unavailableAfter));
        Boolean nowUnavailable = jdbc.queryForObject("""
                INSERT INTO instances (domain, failure_count, last_failure_at, updated_at) VALUES (?, 1, ?, ?)
                ON CONFLICT (domain) DO UPDATE SET failure_count = instances.failure_count + 1,
                    last_failure_at = excluded.last_failure_at, updated_at = excluded.updated_at,
                    unavailable_since = CASE
                        WHEN instances.unavailable_since IS NOT NULL THEN instances.unavailable_since
                        WHEN coalesce(instances.last_success_at, instances.created_at) <= ? THEN excluded.updated_at
                    END
                RETURNING unavailable_since IS NOT NULL
                """, Boolean.class, domain, now, now, failingSince);
        unavailable.put(domain, Boolean.TRUE.equals(nowUnavailable));
    }

    /** An operator says the server is back: deliveries resume at once. */
    public void markAvailable(String domain) {
        writeSuccess(domain);
    }
}
