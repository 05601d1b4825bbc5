package social.tsubame.moderation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;

/**
 * Stops a local user signing in; the tokens it holds stop working. Its posts stay visible.
 */
@Service
public class DisableLogin {

    private final ModeratedAccounts accounts;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;

    DisableLogin(ModeratedAccounts accounts, JdbcTemplate jdbc, AuditLog auditLog) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Returns false when the account has no login or it was disabled already. */
    @Transactional
    public boolean disable(Long moderatorId, long accountId) {
        Account account = accounts.actedOnBy(moderatorId, accountId);
        boolean changed = jdbc.update("UPDATE users SET disabled = true, updated_at = now() "
                + "WHERE account_id = ? AND NOT disabled", account.id()) > 0;
        if (changed) {
            auditLog.record(moderatorId, "disable", "Account", String.valueOf(account.id()), account.acct());
        }
        return changed;
    }
}
