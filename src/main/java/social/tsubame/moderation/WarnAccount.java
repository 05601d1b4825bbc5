package social.tsubame.moderation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;

/**
 * Keeps what a moderator tells an account, and which action it explains, as an account warning; a local account is
 * told of it in a notification.
 */
@Service
public class WarnAccount {

    /**
     * @param action   what was done along with the warning, in Mastodon's words: {@code none}, {@code disable},
     *                 {@code sensitive}, {@code silence}, {@code suspend}
     * @param reportId the report acted on; null when none
     */
    public record Command(Long moderatorId, long accountId, String action, String text, Long reportId) {
    }

    private final ModeratedAccounts accounts;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final AuditLog auditLog;
    private final DomainEvents events;

    WarnAccount(ModeratedAccounts accounts, JdbcTemplate jdbc, TimeOrderedIds ids, AuditLog auditLog,
                DomainEvents events) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.ids = ids;
        this.auditLog = auditLog;
        this.events = events;
    }

    /** Returns the warning's id. */
    @Transactional
    public long warn(Command command) {
        Account account = accounts.actedOnBy(command.moderatorId(), command.accountId());
        long id = ids.next();
        jdbc.update("""
                INSERT INTO account_warnings (id, account_id, target_account_id, action, text, report_id)
                VALUES (?, ?, ?, ?, ?, ?)""", id, command.moderatorId(), account.id(), command.action(),
                command.text() == null ? "" : command.text(), command.reportId());
        auditLog.record(command.moderatorId(), "warn", "Account", String.valueOf(account.id()), account.acct());
        if (account.isLocal()) {
            events.publish(new AccountWarned(id, account.id()));
        }
        return id;
    }
}
