package social.tsubame.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A remote account was deleted on its server: its posts here become tombstones, its relationships go, and the account
 * is suspended, so that a late activity of it finds nobody to act for.
 */
@Service
public class ReceiveAccountDeletion {

    private final JdbcTemplate jdbc;
    private final RemoveAccountRelationships relationships;

    public ReceiveAccountDeletion(JdbcTemplate jdbc, RemoveAccountRelationships relationships) {
        this.jdbc = jdbc;
        this.relationships = relationships;
    }

    @Transactional
    public void receive(long remoteAccountId) {
        jdbc.update("UPDATE statuses SET deleted_at = now(), updated_at = now() WHERE account_id = ? "
                + "AND deleted_at IS NULL", remoteAccountId);
        relationships.remove(remoteAccountId);
        jdbc.update("UPDATE accounts SET suspended_at = coalesce(suspended_at, now()), updated_at = now() "
                + "WHERE id = ? AND domain IS NOT NULL", remoteAccountId);
    }
}
