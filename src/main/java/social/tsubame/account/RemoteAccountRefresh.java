package social.tsubame.account;

import java.util.Optional;

/**
 * Fetches a remote account's actor document again, for a decision that must rest on what the account says now (a
 * move target's aliases). Federation provides it.
 */
public interface RemoteAccountRefresh {

    /** The account as stored after the fetch; empty when its document cannot be had now or it is gone. */
    Optional<Account> refresh(Account remote);
}
