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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whom we federate with: a domain suspended by an admin (or any subdomain of one) is refused, and in limited
 * federation mode only allow-listed domains are accepted; an operator may send a domain's inbound activities to the
 * low-priority queue or limit their rate. Answers are cached briefly, since every inbox request asks.
 */
@Component
public class DomainPolicy {

    /** How long a process may act on an answer after an operator changed it elsewhere. */
    public static final Duration CACHED_FOR = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final boolean limitedFederation;
    private final LoadingCache<String, Boolean> refused;
    private final LoadingCache<String, Boolean> mediaRejected;
    private final LoadingCache<String, InboundRules> inbound;

    public DomainPolicy(JdbcTemplate jdbc,
                        @Value("${tsubame.federation.limited-federation-mode:false}") boolean limitedFederation) {
        this.jdbc = jdbc;
        this.limitedFederation = limitedFederation;
        this.refused = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CACHED_FOR)
                .build(this::loadRefused);
        this.mediaRejected = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CACHED_FOR)
                .build(domain -> blockMatches(domain, "reject_media"));
        this.inbound = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CACHED_FOR)
                .build(domain -> jdbc.query("SELECT inbound_throttled, inbound_rate_limit FROM instances WHERE domain = ?",
                        rs -> rs.next() ? new InboundRules(rs.getBoolean(1), rs.getInt(2)) : InboundRules.NONE,
                        domain));
    }

    /**
     * What an operator set for a domain's inbound traffic.
     *
     * @param throttled     its activities go to the low-priority queue
     * @param ratePerMinute the most activities its inbox requests may bring per minute; 0 when none was set
     */
    public record InboundRules(boolean throttled, int ratePerMinute) {

        static final InboundRules NONE = new InboundRules(false, 0);
    }

    /** Whether nothing from or to this domain is to be exchanged. */
    public boolean refuses(String domain) {
        return refused.get(normalize(domain));
    }

    public InboundRules inboundRules(String domain) {
        return inbound.get(normalize(domain));
    }

    /** Whether an admin chose not to take in this domain's (or a parent domain's) media, avatars and emoji. */
    public boolean rejectsMedia(String domain) {
        return mediaRejected.get(normalize(domain));
    }

    /**
     * Forgets what this process remembers of the domain and its subdomains, after a change made here: a block of
     * {@code example.com} covers {@code a.example.com} and {@code example.com:8443} too.
     */
    void forget(String domain) {
        String name = normalize(domain);
        for (LoadingCache<String, ?> cache : List.of(refused, mediaRejected, inbound)) {
            cache.asMap().keySet().removeIf(key -> covers(name, key));
        }
    }

    /** Forgets the domain once the current transaction commits, so no reader caches the old rule again. */
    void forgetAfterCommit(String domain) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            forget(domain);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                forget(domain);
            }
        });
    }

    /** Whether an admin chose to drop the reports this domain (or a parent domain) sends. */
    public boolean rejectsReports(String domain) {
        return blockMatches(normalize(domain), "reject_reports");
    }

    private boolean loadRefused(String domain) {
        if (blockMatches(domain, "severity = 'suspend'")) {
            return true;
        }
        if (!limitedFederation) {
            return false;
        }
        List<String> candidates = selfAndParents(domain);
        String placeholders = String.join(",", candidates.stream().map(c -> "?").toList());
        Integer allowed = jdbc.queryForObject("SELECT count(*) FROM domain_allows WHERE domain IN ("
                + placeholders + ")", Integer.class, candidates.toArray());
        return allowed == null || allowed == 0;
    }

    /** Whether a block of the domain or a parent domain meets {@code condition}, a fixed SQL condition. */
    private boolean blockMatches(String domain, String condition) {
        List<String> candidates = selfAndParents(domain);
        String placeholders = String.join(",", candidates.stream().map(c -> "?").toList());
        Integer matching = jdbc.queryForObject("SELECT count(*) FROM domain_blocks WHERE " + condition
                + " AND domain IN (" + placeholders + ")", Integer.class, candidates.toArray());
        return matching != null && matching > 0;
    }

    /** Whether a rule about {@code domain} applies to {@code host}: the same, a subdomain, or it with a port. */
    static boolean covers(String domain, String host) {
        String bare = host.matches(".*:[0-9]+") ? host.substring(0, host.lastIndexOf(':')) : host;
        return host.equals(domain) || bare.equals(domain) || bare.endsWith("." + domain);
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
