package social.tsubame.federation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.moderation.AuditLog;

/**
 * An admin lifts a rule about a remote server: the accounts its suspension suspended come back (their follows do
 * not: those were removed for good, as on Mastodon).
 */
@Component
public class UnblockDomain {

    private final JdbcTemplate jdbc;
    private final DomainBlocks blocks;
    private final DomainSuspension suspension;
    private final DomainPolicy policy;
    private final AuditLog audit;

    UnblockDomain(JdbcTemplate jdbc, DomainBlocks blocks, DomainSuspension suspension, DomainPolicy policy,
                  AuditLog audit) {
        this.jdbc = jdbc;
        this.blocks = blocks;
        this.suspension = suspension;
        this.policy = policy;
        this.audit = audit;
    }

    /** Whether there was such a rule. */
    @Transactional
    public boolean unblock(Long actorAccountId, long id) {
        DomainBlock block = blocks.find(id).orElse(null);
        if (block == null) {
            return false;
        }
        if (block.severity() == DomainBlock.Severity.SUSPEND) {
            suspension.lift(block);
        }
        jdbc.update("DELETE FROM domain_blocks WHERE id = ?", id);
        audit.record(actorAccountId, "destroy_domain_block", "DomainBlock", String.valueOf(id),
                BlockDomain.describe(block));
        policy.forgetAfterCommit(block.domain());
        return true;
    }
}
