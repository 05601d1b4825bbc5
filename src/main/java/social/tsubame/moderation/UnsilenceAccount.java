package social.tsubame.moderation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;

/**
 * Lifts a silence: the account's posts show in the public timelines again and it notifies anyone.
 */
@Service
public class UnsilenceAccount {

    private final ModeratedAccounts accounts;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;

    UnsilenceAccount(ModeratedAccounts accounts, JdbcTemplate jdbc, AuditLog auditLog) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Returns false when the account was not silenced. */
    @Transactional
    public boolean unsilence(Long moderatorId, long accountId) {
        Account account = accounts.actedOnBy(moderatorId, accountId);
        boolean changed = jdbc.update("UPDATE accounts SET silenced_at = NULL, updated_at = now() "
                + "WHERE id = ? AND silenced_at IS NOT NULL", account.id()) > 0;
        if (changed) {
            auditLog.record(moderatorId, "unsilence", "Account", String.valueOf(account.id()), account.acct());
        }
        return changed;
    }
}
