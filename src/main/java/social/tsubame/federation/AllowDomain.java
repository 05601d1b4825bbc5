package social.tsubame.federation;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.moderation.AuditLog;

/** An admin puts a server on the allow-list of limited federation mode; allowing it twice keeps the first entry. */
@Component
public class AllowDomain {

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final DomainBlocks blocks;
    private final DomainPolicy policy;
    private final AuditLog audit;

    AllowDomain(JdbcTemplate jdbc, TimeOrderedIds ids, DomainBlocks blocks, DomainPolicy policy, AuditLog audit) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.blocks = blocks;
        this.policy = policy;
        this.audit = audit;
    }

    /** @throws IllegalArgumentException when the domain is not a domain name */
    @Transactional
    public DomainAllow allow(Long actorAccountId, String domainName) {
        String domain = DomainTrafficControls.host(domainName);
        Optional<DomainAllow> existing = blocks.findAllowed(domain);
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = ids.next();
        if (jdbc.update("INSERT INTO domain_allows (id, domain) VALUES (?, ?) ON CONFLICT (domain) DO NOTHING",
                id, domain) == 0) {
            return blocks.findAllowed(domain).orElseThrow();
        }
        audit.record(actorAccountId, "create_domain_allow", "DomainAllow", String.valueOf(id), domain);
        policy.forgetAfterCommit(domain);
        return blocks.findAllowed(id).orElseThrow();
    }

    /** Takes the server off the allow-list; whether it was on it. */
    @Transactional
    public boolean disallow(Long actorAccountId, long id) {
        DomainAllow allowed = blocks.findAllowed(id).orElse(null);
        if (allowed == null) {
            return false;
        }
        jdbc.update("DELETE FROM domain_allows WHERE id = ?", id);
        audit.record(actorAccountId, "destroy_domain_allow", "DomainAllow", String.valueOf(id), allowed.domain());
        policy.forgetAfterCommit(allowed.domain());
        return true;
    }
}
