package social.tsubame.moderation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;
import social.tsubame.account.ProfileUpdated;
import social.tsubame.queue.DomainEvents;

/**
 * Lifts a suspension. A local account's followers elsewhere are sent its actor again, as a profile update, since
 * they were told it was gone. An account deleted by its owner has no login left and stays suspended.
 */
@Service
public class UnsuspendAccount {

    private final ModeratedAccounts accounts;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final DomainEvents events;

    UnsuspendAccount(ModeratedAccounts accounts, JdbcTemplate jdbc, AuditLog auditLog, DomainEvents events) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.events = events;
    }

    /** Returns false when the account was not suspended, or is a deleted local account. */
    @Transactional
    public boolean unsuspend(Long moderatorId, long accountId) {
        Account account = accounts.actedOnBy(moderatorId, accountId);
        boolean changed = jdbc.update("""
                UPDATE accounts a SET suspended_at = NULL, updated_at = now()
                WHERE a.id = ? AND a.suspended_at IS NOT NULL
                  AND (a.domain IS NOT NULL OR EXISTS (SELECT 1 FROM users u WHERE u.account_id = a.id))""",
                account.id()) > 0;
        if (changed) {
            auditLog.record(moderatorId, "unsuspend", "Account", String.valueOf(account.id()), account.acct());
            if (account.isLocal()) {
                events.publish(new ProfileUpdated(account.id()));
            }
        }
        return changed;
    }
}
