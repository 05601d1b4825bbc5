package social.tsubame.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.HandleLookup;
import social.tsubame.core.ServerIdentity;

/**
 * Finds the accounts a local post mentions: {@code @alice} for a local account, {@code @bob@example.org} for a
 * remote one, asked of its server when this one does not know it yet (as Mastodon does, while the person waits; at
 * most a few per post, so that a post full of handles cannot hold a request for long). A handle no server confirms
 * stays plain text.
 */
@Component
public class Mentions {

    static final Pattern HANDLE = Pattern.compile(
            "(?<=^|[^\\p{L}\\p{N}_@/])@([\\p{L}\\p{N}_]+(?:[.-][\\p{L}\\p{N}_]+)*)(?:@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*(?::\\d+)?))?");

    private static final int MAX_LOOKUPS = 5;

    private final Accounts accounts;
    private final HandleLookup handles;
    private final JdbcTemplate jdbc;
    private final String localDomain;

    public Mentions(Accounts accounts, HandleLookup handles, JdbcTemplate jdbc, ServerIdentity identity) {
        this.accounts = accounts;
        this.handles = handles;
        this.jdbc = jdbc;
        this.localDomain = identity.localDomain().toLowerCase(Locale.ROOT);
    }

    /** The accounts a stored status mentions. */
    public List<Account> of(long statusId) {
        return accounts.findAllById(jdbc.queryForList("SELECT account_id FROM mentions WHERE status_id = ? ORDER BY id",
                Long.class, statusId));
    }

    /** Each mentioned handle as written (without the leading {@code @}) and the account it names, in text order. */
    public Map<String, Account> in(String text) {
        Map<String, Account> found = new LinkedHashMap<>();
        int lookups = 0;
        Matcher matcher = HANDLE.matcher(text);
        while (matcher.find()) {
            String handle = matcher.group().substring(1);
            if (found.containsKey(handle)) {
                continue;
            }
            String username = matcher.group(1);
            String domain = matcher.group(2);
            Optional<Account> account;
            if (domain == null || domain.toLowerCase(Locale.ROOT).equals(localDomain)) {
                account = accounts.findLocal(username);
            } else {
                account = accounts.findRemote(username, domain);
                if (account.isEmpty() && lookups++ < MAX_LOOKUPS) {
                    account = handles.lookUp(username, domain);
                }
            }
            account.ifPresent(mentioned -> found.put(handle, mentioned));
        }
        return found;
    }
}
