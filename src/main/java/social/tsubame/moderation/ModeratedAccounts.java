package social.tsubame.moderation;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.core.ApiException;

/** Finds the account a moderator acts on, by id or by {@code username[@domain]}. */
@Component
public class ModeratedAccounts {

    private final Accounts accounts;

    ModeratedAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    public Account byId(long accountId) {
        return accounts.findById(accountId).orElseThrow(ApiException::notFound);
    }

    public Account byAcct(String acct) {
        String[] parts = acct.replaceFirst("^@", "").split("@", 2);
        return (parts.length == 1 ? accounts.findLocal(parts[0]) : accounts.findRemote(parts[0], parts[1]))
                .orElseThrow(ApiException::notFound);
    }
}
