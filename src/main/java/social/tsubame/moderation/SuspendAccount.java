package social.tsubame.moderation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;
import social.tsubame.queue.DomainEvents;

/**
 * Suspends an account: its profile, statuses and media are shown to no one and its tokens stop working. Nothing is
 * deleted, so lifting the suspension brings all of it back.
 */
@Service
public class SuspendAccount {

    private final ModeratedAccounts accounts;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final DomainEvents events;

    SuspendAccount(ModeratedAccounts accounts, JdbcTemplate jdbc, AuditLog auditLog, DomainEvents events) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.events = events;
    }

    /** Returns false when the account was suspended already. */
    @Transactional
    public boolean suspend(Long moderatorId, long accountId) {
        Account account = accounts.actedOnBy(moderatorId, accountId);
        boolean changed = jdbc.update("UPDATE accounts SET suspended_at = now(), updated_at = now() "
                + "WHERE id = ? AND suspended_at IS NULL", account.id()) > 0;
        if (changed) {
            auditLog.record(moderatorId, "suspend", "Account", String.valueOf(account.id()), account.acct());
            events.publish(new AccountSuspended(account.id()));
        }
        return changed;
    }
}
