package social.tsubame.account;

/**
 * SQL for the servers an admin limited (silenced): their accounts stay out of public timelines and may notify only
 * those who follow them, as Mastodon treats silenced accounts. A rule about a domain covers its subdomains and the
 * domain with any port.
 */
public final class LimitedDomains {

    private LimitedDomains() {
    }

    /** A condition that holds when the account domain {@code domain} (a column) belongs to a limited server. */
    public static String covers(String domain) {
        return """
                EXISTS (SELECT 1 FROM domain_blocks ldb WHERE ldb.severity = 'silence'
                        AND (%1$s = ldb.domain OR %1$s LIKE '%%.' || ldb.domain OR %1$s LIKE ldb.domain || ':%%'
                             OR %1$s LIKE '%%.' || ldb.domain || ':%%'))""".formatted(domain);
    }
}
