package social.tsubame.moderation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;

/**
 * Marks an account sensitive: the media of all its posts is shown behind a warning.
 */
@Service
public class SensitizeAccount {

    private final ModeratedAccounts accounts;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;

    SensitizeAccount(ModeratedAccounts accounts, JdbcTemplate jdbc, AuditLog auditLog) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Returns false when the account was sensitive already. */
    @Transactional
    public boolean sensitize(Long moderatorId, long accountId) {
        Account account = accounts.actedOnBy(moderatorId, accountId);
        boolean changed = jdbc.update("UPDATE accounts SET sensitized_at = now(), updated_at = now() "
                + "WHERE id = ? AND sensitized_at IS NULL", account.id()) > 0;
        if (changed) {
            auditLog.record(moderatorId, "sensitive", "Account", String.valueOf(account.id()), account.acct());
        }
        return changed;
    }
}
