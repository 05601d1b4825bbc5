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
import social.tsubame.core.ServerIdentity;

/**
 * Finds the accounts a local post mentions: {@code @alice} for a local account, {@code @bob@example.org} for any
 * account this server already knows. Unknown remote handles stay plain text; looking them up would mean a request to
 * another server while a person waits for their post.
 */
@Component
public class Mentions {

    static final Pattern HANDLE = Pattern.compile(
            "(?<=^|[^\\p{L}\\p{N}_@/])@([\\p{L}\\p{N}_]+(?:[.-][\\p{L}\\p{N}_]+)*)(?:@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*(?::\\d+)?))?");

    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final String localDomain;

    public Mentions(Accounts accounts, JdbcTemplate jdbc, ServerIdentity identity) {
        this.accounts = accounts;
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
        Matcher matcher = HANDLE.matcher(text);
        while (matcher.find()) {
            String handle = matcher.group().substring(1);
            if (!found.containsKey(handle)) {
                resolve(matcher.group(1), matcher.group(2)).ifPresent(account -> found.put(handle, account));
            }
        }
        return found;
    }

    private Optional<Account> resolve(String username, String domain) {
        if (domain == null || domain.toLowerCase(Locale.ROOT).equals(localDomain)) {
            return accounts.findLocal(username);
        }
        return accounts.findRemote(username, domain);
    }
}
