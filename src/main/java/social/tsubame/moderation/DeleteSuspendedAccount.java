package social.tsubame.moderation;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;
import social.tsubame.account.DeleteLocalAccount;
import social.tsubame.core.ApiException;

/**
 * Deletes what a suspended account left here, for good: a local one as if its owner had deleted it, a remote one's
 * statuses become tombstones (its row stays suspended, so a later fetch does not bring it back).
 */
@Service
public class DeleteSuspendedAccount {

    private final ModeratedAccounts accounts;
    private final DeleteLocalAccount deleteLocalAccount;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;

    DeleteSuspendedAccount(ModeratedAccounts accounts, DeleteLocalAccount deleteLocalAccount, JdbcTemplate jdbc,
                           AuditLog auditLog) {
        this.accounts = accounts;
        this.deleteLocalAccount = deleteLocalAccount;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @Transactional
    public void delete(long moderatorId, long accountId) {
        Account account = accounts.actedOnBy(moderatorId, accountId);
        if (!account.suspended()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Only a suspended account can be deleted");
        }
        if (account.isLocal()) {
            deleteLocalAccount.delete(account.username());
        } else {
            jdbc.update("UPDATE statuses SET deleted_at = now(), updated_at = now() WHERE account_id = ? "
                    + "AND deleted_at IS NULL", account.id());
        }
        auditLog.record(moderatorId, "delete_account", "Account", String.valueOf(account.id()), account.acct());
    }
}
