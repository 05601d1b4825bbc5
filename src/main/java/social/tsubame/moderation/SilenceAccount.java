package social.tsubame.moderation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;

/**
 * Silences an account: its posts stay out of the public and hashtag timelines except for its followers, and only
 * accounts that follow it are notified of what it does.
 */
@Service
public class SilenceAccount {

    private final ModeratedAccounts accounts;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;

    SilenceAccount(ModeratedAccounts accounts, JdbcTemplate jdbc, AuditLog auditLog) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Returns false when the account was silenced already. */
    @Transactional
    public boolean silence(Long moderatorId, long accountId) {
        Account account = accounts.actedOnBy(moderatorId, accountId);
        boolean changed = jdbc.update("UPDATE accounts SET silenced_at = now(), updated_at = now() "
                + "WHERE id = ? AND silenced_at IS NULL", account.id()) > 0;
        if (changed) {
            auditLog.record(moderatorId, "silence", "Account", String.valueOf(account.id()), account.acct());
        }
        return changed;
    }
}
