package social.tsubame.federation;

import java.net.IDN;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.federation.outbound.DomainHealth;

/**
 * The operator's levers on one remote server's traffic: send its inbound activities to the low-priority queue, limit
 * how many it may send per minute, and declare it reachable again. A change takes effect at once in this process and
 * within {@link DomainPolicy#CACHED_FOR} in the others.
 */
@Component
public class DomainTrafficControls {

    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
            + "(:[0-9]{1,5})?");

    private static final String SELECT = "SELECT domain, inbound_throttled, inbound_rate_limit, unavailable_since,"
            + " failure_count, last_success_at, last_failure_at FROM instances";

    private final JdbcTemplate jdbc;
    private final DomainPolicy policy;
    private final DomainHealth health;

    DomainTrafficControls(JdbcTemplate jdbc, DomainPolicy policy, DomainHealth health) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.health = health;
    }

    public DomainTraffic traffic(String domain) {
        String host = host(domain);
        List<DomainTraffic> found = jdbc.query(SELECT + " WHERE domain = ?", DomainTrafficControls::row, host);
        return found.isEmpty() ? DomainTraffic.unknown(host) : found.getFirst();
    }

    /** The servers an operator steers or that we gave up delivering to, by domain. */
    public List<DomainTraffic> steeredOrUnavailable() {
        return jdbc.query(SELECT + " WHERE inbound_throttled OR inbound_rate_limit IS NOT NULL"
                + " OR unavailable_since IS NOT NULL ORDER BY domain", DomainTrafficControls::row);
    }

    public DomainTraffic throttleInbound(String domain, boolean throttled) {
        return update(domain, "inbound_throttled", throttled);
    }

    /** At most {@code perMinute} activities a minute from the domain; null lifts the limit. */
    public DomainTraffic limitInboundRate(String domain, Integer perMinute) {
        if (perMinute != null && perMinute <= 0) {
            throw new IllegalArgumentException("A rate limit must be a positive number of activities per minute");
        }
        return update(domain, "inbound_rate_limit", perMinute);
    }

    /** Deliveries to the domain resume at once, without waiting for it to answer or write to us. */
    public DomainTraffic markAvailable(String domain) {
        String host = host(domain);
        health.markAvailable(host);
        return traffic(host);
    }

    private DomainTraffic update(String domain, String column, Object value) {
        String host = host(domain);
        jdbc.update("INSERT INTO instances (domain, " + column + ") VALUES (?, ?) ON CONFLICT (domain) DO UPDATE SET "
                + column + " = excluded." + column + ", updated_at = now()", host, value);
        policy.forget(host);
        return traffic(host);
    }

    /** The lower-case ASCII form of a host name, as the instances table keeps it. */
    static String host(String domain) {
        String trimmed = domain == null ? "" : domain.trim();
        String ascii;
        try {
            ascii = IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            ascii = "";
        }
        if (!HOST.matcher(ascii).matches() || ascii.length() > 253) {
            throw new IllegalArgumentException("Not a domain name: " + domain);
        }
        return ascii;
    }

    private static DomainTraffic row(ResultSet rs, int row) throws SQLException {
        return new DomainTraffic(rs.getString("domain"), rs.getBoolean("inbound_throttled"),
                rs.getInt("inbound_rate_limit"), instant(rs.getTimestamp("unavailable_since")),
                rs.getInt("failure_count"), instant(rs.getTimestamp("last_success_at")),
                instant(rs.getTimestamp("last_failure_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
