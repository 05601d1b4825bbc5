package social.tsubame.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The servers an admin limited (silenced): their accounts stay out of public timelines and streams, and may notify
 * only those who follow them, as Mastodon treats silenced accounts. A rule about a domain covers its subdomains and
 * the domain with any port.
 */
@Component
public class LimitedDomains {

    private final JdbcTemplate jdbc;

    LimitedDomains(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A condition that holds when the account domain {@code domain} (a column) belongs to a limited server. */
    public static String covers(String domain) {
        return """
                EXISTS (SELECT 1 FROM domain_blocks ldb WHERE ldb.severity = 'silence'
                        AND (%1$s = ldb.domain OR %1$s LIKE '%%.' || ldb.domain OR %1$s LIKE ldb.domain || ':%%'
                             OR %1$s LIKE '%%.' || ldb.domain || ':%%'))""".formatted(domain);
    }

    /** Whether the account belongs to a limited server. */
    public boolean limits(long accountId) {
        Boolean limited = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM accounts a WHERE a.id = ? AND "
                + covers("a.domain") + ")", Boolean.class, accountId);
        return Boolean.TRUE.equals(limited);
    }
}
