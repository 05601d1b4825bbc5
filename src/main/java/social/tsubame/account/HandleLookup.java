package social.tsubame.account;

import java.util.Optional;

/**
 * Finds a remote account by its handle, asking its server when this one does not know it yet. Federation provides
 * it; features use it without knowing how.
 */
public interface HandleLookup {

    /** Empty when the server does not know the handle, refuses us, or cannot be reached. */
    Optional<Account> lookUp(String username, String domain);
}
