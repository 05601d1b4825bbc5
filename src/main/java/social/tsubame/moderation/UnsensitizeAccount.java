package social.tsubame.moderation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;

/**
 * Lifts an account's sensitive mark: its posts' media is shown as their author marked it.
 */
@Service
public class UnsensitizeAccount {

    private final ModeratedAccounts accounts;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;

    UnsensitizeAccount(ModeratedAccounts accounts, JdbcTemplate jdbc, AuditLog auditLog) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Returns false when the account was not marked sensitive. */
    @Transactional
    public boolean unsensitize(Long moderatorId, long accountId) {
        Account account = accounts.actedOnBy(moderatorId, accountId);
        boolean changed = jdbc.update("UPDATE accounts SET sensitized_at = NULL, updated_at = now() "
                + "WHERE id = ? AND sensitized_at IS NOT NULL", account.id()) > 0;
        if (changed) {
            auditLog.record(moderatorId, "unsensitive", "Account", String.valueOf(account.id()), account.acct());
        }
        return changed;
    }
}
