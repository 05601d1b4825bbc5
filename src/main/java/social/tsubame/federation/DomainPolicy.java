package social.tsubame.federation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whom we federate with: a domain suspended by an admin (or any subdomain of one) is refused, and in limited
 * federation mode only allow-listed domains are accepted. Answers are cached briefly, since every inbox request asks.
 */
@Component
public class DomainPolicy {

    private final JdbcTemplate jdbc;
    private final boolean limitedFederation;
    private final LoadingCache<String, Boolean> refused;
    private final LoadingCache<String, Boolean> throttled;

    public DomainPolicy(JdbcTemplate jdbc,
                        @Value("${tsubame.federation.limited-federation-mode:false}") boolean limitedFederation) {
        this.jdbc = jdbc;
        this.limitedFederation = limitedFederation;
        this.refused = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30))
                .build(this::loadRefused);
        this.throttled = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30))
                .build(domain -> Boolean.TRUE.equals(jdbc.query(
                        "SELECT inbound_throttled FROM instances WHERE domain = ?",
                        rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, domain)));
    }

    /** Whether nothing from or to this domain is to be exchanged. */
    public boolean refuses(String domain) {
        return refused.get(normalize(domain));
    }

    /** Whether the domain's inbound activities go to the low-priority queue. */
    public boolean throttlesInbound(String domain) {
        return throttled.get(normalize(domain));
    }

    /** Whether an admin chose to drop the reports this domain (or a parent domain) sends. */
    public boolean rejectsReports(String domain) {
        List<String> candidates = selfAndParents(normalize(domain));
        String placeholders = String.join(",", candidates.stream().map(c -> "?").toList());
        Integer rejecting = jdbc.queryForObject("SELECT count(*) FROM domain_blocks WHERE reject_reports "
                + "AND domain IN (" + placeholders + ")", Integer.class, candidates.toArray());
        return rejecting != null && rejecting > 0;
    }

    private boolean loadRefused(String domain) {
        List<String> candidates = selfAndParents(domain);
        String placeholders = String.join(",", candidates.stream().map(c -> "?").toList());
        Integer suspended = jdbc.queryForObject("SELECT count(*) FROM domain_blocks WHERE severity = 'suspend' "
                + "AND domain IN (" + placeholders + ")", Integer.class, candidates.toArray());
        if (suspended != null && suspended > 0) {
            return true;
        }
        if (!limitedFederation) {
            return false;
        }
        Integer allowed = jdbc.queryForObject("SELECT count(*) FROM domain_allows WHERE domain IN ("
                + placeholders + ")", Integer.class, candidates.toArray());
        return allowed == null || allowed == 0;
    }

    /** {@code a.b.example} → {@code a.b.example, b.example, example}: a block of a domain covers its subdomains. */
    private static List<String> selfAndParents(String domain) {
        List<String> names = new ArrayList<>();
        String host = domain;
        int port = host.lastIndexOf(':');
        if (port > 0 && host.indexOf(']') < port) {
            names.add(host);
            host = host.substring(0, port);
        }
        if (host.matches("[0-9.]+") || host.startsWith("[")) {
            // An address literal has no parent domains.
            names.add(host);
            return names;
        }
        while (!host.isEmpty()) {
            names.add(host);
            int dot = host.indexOf('.');
            host = dot < 0 ? "" : host.substring(dot + 1);
        }
        return names;
    }

    private static String normalize(String domain) {
        return domain.toLowerCase(Locale.ROOT);
    }
}
