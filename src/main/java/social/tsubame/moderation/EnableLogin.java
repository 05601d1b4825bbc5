package social.tsubame.moderation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;

/**
 * Lets a disabled local user sign in again.
 */
@Service
public class EnableLogin {

    private final ModeratedAccounts accounts;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;

    EnableLogin(ModeratedAccounts accounts, JdbcTemplate jdbc, AuditLog auditLog) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Returns false when the account has no login or it was not disabled. */
    @Transactional
    public boolean enable(Long moderatorId, long accountId) {
        Account account = accounts.actedOnBy(moderatorId, accountId);
        boolean changed = jdbc.update("UPDATE users SET disabled = false, updated_at = now() "
                + "WHERE account_id = ? AND disabled", account.id()) > 0;
        if (changed) {
            auditLog.record(moderatorId, "enable", "Account", String.valueOf(account.id()), account.acct());
        }
        return changed;
    }
}
