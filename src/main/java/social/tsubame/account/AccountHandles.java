package social.tsubame.account;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import social.tsubame.core.ServerIdentity;

/**
 * Accounts by the handle a user typed ({@code alice}, {@code bob@example.social}, with or without a leading
 * {@code @}): local ones when the handle has no domain or this server's, remote ones otherwise.
 */
@Service
public class AccountHandles {

    private final Accounts accounts;
    private final HandleLookup handleLookup;
    private final ServerIdentity identity;

    public AccountHandles(Accounts accounts, HandleLookup handleLookup, ServerIdentity identity) {
        this.accounts = accounts;
        this.handleLookup = handleLookup;
        this.identity = identity;
    }

    /** The account of the handle, a remote one looked up on its server (WebFinger) when not known here. */
    public Optional<Account> resolve(String acct) {
        return find(acct, true);
    }

    /** The account of the handle among those this server knows; no request leaves. */
    public Optional<Account> known(String acct) {
        return find(acct, false);
    }

    private Optional<Account> find(String acct, boolean lookUpRemote) {
        String handle = acct == null ? "" : acct.strip().replaceFirst("^@", "");
        String[] parts = handle.split("@", -1);
        if (parts.length > 2 || parts[0].isBlank() || (parts.length == 2 && parts[1].isBlank())) {
            return Optional.empty();
        }
        String username = parts[0];
        String domain = parts.length == 2 ? parts[1].toLowerCase(Locale.ROOT) : null;
        if (domain == null || domain.equalsIgnoreCase(identity.localDomain())
                || domain.equalsIgnoreCase(identity.webDomain())) {
            return accounts.findLocal(username);
        }
        Optional<Account> known = accounts.findRemote(username, domain);
        return known.isPresent() || !lookUpRemote ? known : handleLookup.lookUp(username, domain);
    }
}
