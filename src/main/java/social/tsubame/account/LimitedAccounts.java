package social.tsubame.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Accounts a moderator limited (silenced), one by one or by limiting their server: they stay out of public timelines
 * and streams, and may notify only those who follow them, as Mastodon treats silenced accounts. A rule about a
 * domain covers its subdomains and the domain with any port.
 */
@Component
public class LimitedAccounts {

    private final JdbcTemplate jdbc;

    LimitedAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A condition that holds when the account {@code account} (a table alias of accounts) is limited. */
    public static String covers(String account) {
        return """
                (%1$s.silenced_at IS NOT NULL
                 OR EXISTS (SELECT 1 FROM domain_blocks ldb WHERE ldb.severity = 'silence'
                        AND (%1$s.domain = ldb.domain OR %1$s.domain LIKE '%%.' || ldb.domain
                             OR %1$s.domain LIKE ldb.domain || ':%%'
                             OR %1$s.domain LIKE '%%.' || ldb.domain || ':%%')))""".formatted(account);
    }

    public boolean limits(long accountId) {
        Boolean limited = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM accounts a WHERE a.id = ? AND "
                + covers("a") + ")", Boolean.class, accountId);
        return Boolean.TRUE.equals(limited);
    }
}
