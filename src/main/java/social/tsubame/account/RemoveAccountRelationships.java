package social.tsubame.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes everything that ties an account that is gone (deleted here, or deleted on its own server) to others:
 * follows and requests both ways, with the counters of the other side, favourites, reactions, blocks and mutes.
 */
@Service
public class RemoveAccountRelationships {

    private final JdbcTemplate jdbc;

    public RemoveAccountRelationships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void remove(long accountId) {
        jdbc.update("""
                UPDATE accounts a SET followers_count = greatest(a.followers_count - 1, 0)
                FROM follows f WHERE f.account_id = ? AND f.target_account_id = a.id
                """, accountId);
        jdbc.update("""
                UPDATE accounts a SET following_count = greatest(a.following_count - 1, 0)
                FROM follows f WHERE f.target_account_id = ? AND f.account_id = a.id
                """, accountId);
        jdbc.update("DELETE FROM follows WHERE account_id = ? OR target_account_id = ?", accountId, accountId);
        jdbc.update("DELETE FROM follow_requests WHERE account_id = ? OR target_account_id = ?", accountId,
                accountId);
        jdbc.update("""
                UPDATE statuses s SET favourites_count = greatest(s.favourites_count - 1, 0)
                FROM favourites f WHERE f.account_id = ? AND f.status_id = s.id
                """, accountId);
        jdbc.update("DELETE FROM favourites WHERE account_id = ?", accountId);
        jdbc.update("DELETE FROM emoji_reactions WHERE account_id = ?", accountId);
        jdbc.update("DELETE FROM blocks WHERE account_id = ? OR target_account_id = ?", accountId, accountId);
        jdbc.update("DELETE FROM mutes WHERE account_id = ? OR target_account_id = ?", accountId, accountId);
        jdbc.update("UPDATE accounts SET followers_count = 0, following_count = 0 WHERE id = ?", accountId);
    }
}
