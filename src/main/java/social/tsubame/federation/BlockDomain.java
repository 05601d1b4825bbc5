package social.tsubame.federation;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.moderation.AuditLog;
import social.tsubame.queue.DomainEvents;

/**
 * An admin limits or refuses a remote server, or changes such a rule. Suspending removes what we hold of the server
 * ({@link DomainSuspension}); moving a suspension to a lighter severity gives its accounts back; rejecting its media
 * drops its accounts' avatars and headers and the copies kept of its media ({@link DomainMediaRejected}), and
 * {@link DomainPolicy#rejectsMedia} keeps new ones out. This process
 * acts on the change as soon as it commits, the others within {@link DomainPolicy#CACHED_FOR}.
 */
@Component
public class BlockDomain {

    /** The rule as an admin sets it; on an update, null leaves a field as it was. */
    public record Command(String domain, DomainBlock.Severity severity, Boolean rejectMedia, Boolean rejectReports,
                          String privateComment, String publicComment, Boolean obfuscate) {
    }

    /** The domain, or a parent domain, has a rule at least as strict already. */
    public static class AlreadyBlocked extends RuntimeException {
        private final DomainBlock existing;

        AlreadyBlocked(DomainBlock existing) {
            super("A block of " + existing.domain() + " with the same or stricter limits exists already");
            this.existing = existing;
        }

        public DomainBlock existing() {
            return existing;
        }
    }

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final DomainBlocks blocks;
    private final DomainSuspension suspension;
    private final DomainPolicy policy;
    private final AuditLog audit;
    private final DomainEvents events;

    BlockDomain(JdbcTemplate jdbc, TimeOrderedIds ids, DomainBlocks blocks, DomainSuspension suspension,
                DomainPolicy policy, AuditLog audit, DomainEvents events) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.blocks = blocks;
        this.suspension = suspension;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
    }

    /**
     * @param actorAccountId the admin's account; null from the command line
     * @throws IllegalArgumentException when the domain is not a domain name
     * @throws AlreadyBlocked           when it or a parent domain is blocked at least as strictly
     */
    @Transactional
    public DomainBlock block(Long actorAccountId, Command command) {
        String domain = DomainTrafficControls.host(command.domain());
        DomainBlock.Severity severity = command.severity() == null ? DomainBlock.Severity.SILENCE : command.severity();
        DomainBlock wanted = new DomainBlock(0, domain, severity, isTrue(command.rejectMedia()),
                isTrue(command.rejectReports()), blankToNull(command.privateComment()),
                blankToNull(command.publicComment()), isTrue(command.obfuscate()), null);
        Optional<DomainBlock> existing = blocks.ruleFor(domain);
        if (existing.isPresent() && (existing.get().domain().equals(domain) || !wanted.stricterThan(existing.get()))) {
            throw new AlreadyBlocked(existing.get());
        }
        long id = ids.next();
        int inserted = jdbc.update("""
                INSERT INTO domain_blocks (id, domain, severity, reject_media, reject_reports, private_comment,
                                           public_comment, obfuscate)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (domain) DO NOTHING""",
                id, domain, severity.apiValue(), wanted.rejectMedia(), wanted.rejectReports(),
                wanted.privateComment(), wanted.publicComment(), wanted.obfuscate());
        if (inserted == 0) {
            // Another admin got there first.
            throw new AlreadyBlocked(blocks.ruleFor(domain).orElseThrow());
        }
        DomainBlock block = blocks.find(id).orElseThrow();
        if (severity == DomainBlock.Severity.SUSPEND) {
            suspension.suspend(block);
        }
        if (block.rejectMedia()) {
            dropAccountImages(block);
        }
        audit.record(actorAccountId, "create_domain_block", "DomainBlock", String.valueOf(id), describe(block));
        policy.forgetAfterCommit(domain);
        return block;
    }

    /** Changes the rule {@code id}; its domain stays. Empty when there is no such rule. */
    @Transactional
    public Optional<DomainBlock> update(Long actorAccountId, long id, Command changes) {
        Optional<DomainBlock> found = blocks.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DomainBlock before = found.get();
        DomainBlock.Severity severity = changes.severity() == null ? before.severity() : changes.severity();
        jdbc.update("""
                UPDATE domain_blocks SET severity = ?, reject_media = ?, reject_reports = ?, private_comment = ?,
                                         public_comment = ?, obfuscate = ?, updated_at = now()
                WHERE id = ?""", severity.apiValue(),
                changes.rejectMedia() == null ? before.rejectMedia() : changes.rejectMedia(),
                changes.rejectReports() == null ? before.rejectReports() : changes.rejectReports(),
                changes.privateComment() == null ? before.privateComment() : blankToNull(changes.privateComment()),
                changes.publicComment() == null ? before.publicComment() : blankToNull(changes.publicComment()),
                changes.obfuscate() == null ? before.obfuscate() : changes.obfuscate(), id);
        DomainBlock after = blocks.find(id).orElseThrow();
        if (before.severity() != DomainBlock.Severity.SUSPEND && severity == DomainBlock.Severity.SUSPEND) {
            suspension.suspend(after);
        } else if (before.severity() == DomainBlock.Severity.SUSPEND && severity != DomainBlock.Severity.SUSPEND) {
            suspension.lift(after);
        }
        if (after.rejectMedia() && !before.rejectMedia()) {
            dropAccountImages(after);
        }
        audit.record(actorAccountId, "update_domain_block", "DomainBlock", String.valueOf(id), describe(after));
        policy.forgetAfterCommit(after.domain());
        return Optional.of(after);
    }

    /**
     * Avatars and headers stop showing at once, kept copies included; a refresh after the block is lifted brings them
     * back. The kept copies' files go after the commit, by a job.
     */
    private void dropAccountImages(DomainBlock block) {
        jdbc.update("UPDATE accounts a SET avatar_remote_url = NULL, header_remote_url = NULL, avatar_file = NULL,"
                + " header_file = NULL, updated_at = now() WHERE " + DomainBlocks.ACCOUNTS_OF_DOMAIN,
                DomainBlocks.patterns(block.domain()));
        events.publish(new DomainMediaRejected(block.domain()));
    }

    static String describe(DomainBlock block) {
        return block.domain() + " (" + block.severity().apiValue() + (block.rejectMedia() ? ", reject media" : "")
                + (block.rejectReports() ? ", reject reports" : "") + ")";
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
