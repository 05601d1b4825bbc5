package social.tsubame.moderation;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;
import social.tsubame.account.ApproveSignUp;
import social.tsubame.account.DeleteLocalAccount;
import social.tsubame.core.ApiException;

/** A moderator lets in, or turns away, a local account that waits for approval. */
@Service
public class ReviewSignUp {

    private final ModeratedAccounts accounts;
    private final ApproveSignUp approveSignUp;
    private final DeleteLocalAccount deleteLocalAccount;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;

    ReviewSignUp(ModeratedAccounts accounts, ApproveSignUp approveSignUp, DeleteLocalAccount deleteLocalAccount,
                 JdbcTemplate jdbc, AuditLog auditLog) {
        this.accounts = accounts;
        this.approveSignUp = approveSignUp;
        this.deleteLocalAccount = deleteLocalAccount;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @Transactional
    public void approve(long moderatorId, long accountId) {
        Account account = pending(accountId);
        approveSignUp.approve(account.username());
        auditLog.record(moderatorId, "approve_user", "Account", String.valueOf(account.id()), account.acct());
    }

    /** The account is deleted, which frees nothing: its username stays taken, as after any deletion. */
    @Transactional
    public void reject(long moderatorId, long accountId) {
        Account account = pending(accountId);
        deleteLocalAccount.delete(account.username());
        auditLog.record(moderatorId, "reject_user", "Account", String.valueOf(account.id()), account.acct());
    }

    private Account pending(long accountId) {
        Account account = accounts.byId(accountId);
        Boolean approved = jdbc.query("SELECT approved FROM users WHERE account_id = ?",
                (row, index) -> row.getBoolean("approved"), account.id()).stream().findFirst().orElse(true);
        if (approved) {
            throw new ApiException(HttpStatus.FORBIDDEN, "This account is not waiting for approval");
        }
        return account;
    }
}
