package social.tsubame.federation.inbound;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.core.Uris;

/** Finds the local account an incoming activity points at by its actor URI. */
@Component
class LocalTargets {

    private final Uris uris;
    private final Accounts accounts;

    LocalTargets(Uris uris, Accounts accounts) {
        this.uris = uris;
        this.accounts = accounts;
    }

    Optional<Account> byActorUri(String uri) {
        return uris.localUsername(uri).flatMap(accounts::findLocal).filter(account -> !account.suspended());
    }
}
