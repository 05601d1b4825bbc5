package social.tsubame.account;

import java.net.IDN;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.ServerIdentity;
import social.tsubame.core.TimeOrderedIds;

/**
 * A user hides a whole server: its accounts' posts and notifications stop reaching them, and follows both ways with
 * its accounts end, as on Mastodon.
 */
@Service
public class BlockDomainForAccount {

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final UnfollowAccount unfollow;
    private final RejectFollowRequest removeFollower;
    private final String localDomain;

    public BlockDomainForAccount(JdbcTemplate jdbc, TimeOrderedIds ids, UnfollowAccount unfollow,
                                 RejectFollowRequest removeFollower, ServerIdentity identity) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.unfollow = unfollow;
        this.removeFollower = removeFollower;
        this.localDomain = identity.localDomain().toLowerCase(Locale.ROOT);
    }

    @Transactional
    public void block(long accountId, String domain) {
        String normalized = normalize(domain);
        jdbc.update("INSERT INTO account_domain_blocks (id, account_id, domain) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                ids.next(), accountId, normalized);
        jdbc.queryForList("""
                SELECT f.target_account_id FROM follows f JOIN accounts a ON a.id = f.target_account_id
                WHERE f.account_id = ? AND a.domain = ?""", Long.class, accountId, normalized)
                .forEach(target -> unfollow.unfollow(accountId, target));
        jdbc.queryForList("""
                SELECT f.account_id FROM follows f JOIN accounts a ON a.id = f.account_id
                WHERE f.target_account_id = ? AND a.domain = ?
                UNION
                SELECT r.account_id FROM follow_requests r JOIN accounts a ON a.id = r.account_id
                WHERE r.target_account_id = ? AND a.domain = ?""", Long.class, accountId, normalized, accountId,
                normalized).forEach(follower -> removeFollower.reject(accountId, follower));
    }

    @Transactional
    public void unblock(long accountId, String domain) {
        jdbc.update("DELETE FROM account_domain_blocks WHERE account_id = ? AND domain = ?", accountId,
                normalize(domain));
    }

    /** A bare host name, lower case, in ASCII: what the accounts table keeps. */
    private String normalize(String domain) {
        String host = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT)
                .replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        try {
            host = IDN.toASCII(host);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("Validation failed: Domain is invalid");
        }
        if (host.isEmpty() || !host.matches("[a-z0-9.-]+(:\\d+)?") || host.equals(localDomain)) {
            throw ApiException.unprocessable("Validation failed: Domain is invalid");
        }
        return host;
    }
}
