package social.tsubame.portability;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.HandleLookup;
import social.tsubame.core.ServerIdentity;

/**
 * Account addresses as the CSV files write them, {@code user@domain} for local accounts too (so that a file works on
 * any server), and the accounts they name.
 */
@Component
class AccountAddresses {

    private final Accounts accounts;
    private final HandleLookup handles;
    private final String localDomain;
    private final Set<String> ownDomains;

    AccountAddresses(Accounts accounts, HandleLookup handles, ServerIdentity identity) {
        this.accounts = accounts;
        this.handles = handles;
        this.localDomain = identity.localDomain();
        this.ownDomains = Stream.of(identity.localDomain(), identity.webDomain())
                .map(domain -> domain.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** SQL for the address of the account aliased {@code alias}; its one parameter is {@link #localDomain()}. */
    static String sql(String alias) {
        return alias + ".username || '@' || coalesce(" + alias + ".domain, ?)";
    }

    String localDomain() {
        return localDomain;
    }

    /** The address in the lower case that comparisons use, with this server's domain for a bare username. */
    String normalized(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        int at = lower.indexOf('@');
        if (at < 0) {
            return lower + "@" + localDomain.toLowerCase(Locale.ROOT);
        }
        return ownDomains.contains(lower.substring(at + 1)) ? lower.substring(0, at) + "@"
                + localDomain.toLowerCase(Locale.ROOT) : lower;
    }

    /** The account, looked up on its server when this one does not know it; empty when nobody has it. */
    Optional<Account> resolve(String address) {
        int at = address.indexOf('@');
        String username = at < 0 ? address : address.substring(0, at);
        String domain = at < 0 ? null : address.substring(at + 1).toLowerCase(Locale.ROOT);
        if (domain == null || ownDomains.contains(domain)) {
            return accounts.findLocal(username);
        }
        return handles.lookUp(username, domain);
    }
}
