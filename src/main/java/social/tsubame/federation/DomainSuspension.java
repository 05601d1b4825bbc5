package social.tsubame.federation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What suspending a server does to what we hold of it, as Mastodon does it: its accounts are suspended (marked with
 * the block's creation time, so that lifting the block restores exactly those), and the follows and follow requests
 * between them and local accounts go, both ways. Runs inside the block's transaction.
 */
@Component
class DomainSuspension {

    private final JdbcTemplate jdbc;

    DomainSuspension(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void suspend(DomainBlock block) {
        Object[] patterns = DomainBlocks.patterns(block.domain());
        jdbc.update("UPDATE accounts a SET suspended_at = (SELECT created_at FROM domain_blocks WHERE id = ?),"
                + " updated_at = now() WHERE a.suspended_at IS NULL AND " + DomainBlocks.ACCOUNTS_OF_DOMAIN,
                concat(new Object[] {block.id()}, patterns));
        String ofDomain = "(SELECT a.id FROM accounts a WHERE " + DomainBlocks.ACCOUNTS_OF_DOMAIN + ")";
        Object[] twice = concat(patterns, patterns);
        Set<Long> local = new HashSet<>();
        for (String table : List.of("follows", "follow_requests")) {
            jdbc.query("DELETE FROM " + table + " WHERE account_id IN " + ofDomain + " OR target_account_id IN "
                    + ofDomain + " RETURNING account_id, target_account_id", row -> {
                        local.add(row.getLong(1));
                        local.add(row.getLong(2));
                    }, twice);
        }
        if (!local.isEmpty()) {
            jdbc.update("""
                    UPDATE accounts a SET
                        followers_count = (SELECT count(*) FROM follows f WHERE f.target_account_id = a.id),
                        following_count = (SELECT count(*) FROM follows f WHERE f.account_id = a.id)
                    WHERE a.domain IS NULL AND a.id IN (%s)""".formatted(String.join(",", local.stream()
                    .map(id -> "?").toList())), local.toArray());
        }
    }

    /** Lifts the suspension of the accounts this block suspended; other suspensions stay. */
    void lift(DomainBlock block) {
        jdbc.update("UPDATE accounts a SET suspended_at = NULL, updated_at = now()"
                + " WHERE a.suspended_at = (SELECT created_at FROM domain_blocks WHERE id = ?) AND "
                + DomainBlocks.ACCOUNTS_OF_DOMAIN, concat(new Object[] {block.id()},
                DomainBlocks.patterns(block.domain())));
    }

    private static Object[] concat(Object[]... parts) {
        List<Object> values = new ArrayList<>();
        for (Object[] part : parts) {
            values.addAll(List.of(part));
        }
        return values.toArray();
    }
}
