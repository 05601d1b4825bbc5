package social.tsubame.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/** Removes a local account, its login and, through the schema's cascades, everything it owns. */
@Service
public class DeleteLocalAccount {

    private final Accounts accounts;

    public DeleteLocalAccount(Accounts accounts) {
        this.accounts = accounts;
    }

    @Transactional
    public void delete(String username) {
        Account account = accounts.findLocal(username).orElseThrow(ApiException::notFound);
        accounts.delete(account);
    }
}
