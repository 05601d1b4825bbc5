package social.tsubame.pages;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.InstanceActorAccount;
import social.tsubame.core.Uris;

/**
 * The account a page address names: {@code alice} or {@code alice@this.domain} for a local account,
 * {@code bob@other.example} for a remote one this server knows.
 */
@Component
class PageAccounts {

    /** A local account to show here, or a remote one whose own page to send the visitor to. */
    sealed interface Found {
    }

    record Local(Account account) implements Found {
    }

    record Remote(Account account) implements Found {

        /** Where the account's own server shows it. */
        String pageUrl() {
            return account.url() != null ? account.url() : account.uri();
        }
    }

    private final Accounts accounts;
    private final InstanceActorAccount instanceActor;
    private final Uris uris;

    PageAccounts(Accounts accounts, InstanceActorAccount instanceActor, Uris uris) {
        this.accounts = accounts;
        this.instanceActor = instanceActor;
        this.uris = uris;
    }

    /** @throws PageNotFound for an unknown account, the server's own actor, or a suspended remote account */
    Found find(String handle) {
        int at = handle.indexOf('@');
        String username = at < 0 ? handle : handle.substring(0, at);
        String domain = at < 0 ? null : handle.substring(at + 1);
        if (username.isEmpty() || username.equalsIgnoreCase(instanceActor.username())) {
            throw new PageNotFound();
        }
        if (domain == null || domain.equalsIgnoreCase(uris.localDomain())) {
            Account account = accounts.findLocal(username).orElseThrow(PageNotFound::new);
            if (account.suspended()) {
                throw new AccountSuspended();
            }
            return new Local(account);
        }
        Optional<Account> remote = domain.isEmpty() ? Optional.empty() : accounts.findRemote(username, domain);
        return remote.filter(account -> !account.suspended()).map(Remote::new).orElseThrow(PageNotFound::new);
    }
}
