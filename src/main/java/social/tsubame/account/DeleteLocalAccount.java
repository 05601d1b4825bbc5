package social.tsubame.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.queue.DomainEvents;

/**
 * Deletes a local account: its login goes, its posts become tombstones, it is suspended so nothing shows it. The row
 * stays, keeping the username from being taken again (other servers remember it) and the key that signs the Delete
 * other servers are sent; its follows are removed once they have been told.
 */
@Service
public class DeleteLocalAccount {

    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final DomainEvents events;

    public DeleteLocalAccount(Accounts accounts, JdbcTemplate jdbc, DomainEvents events) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public void delete(String username) {
        Account account = accounts.findLocal(username).orElseThrow(ApiException::notFound);
        // An account deleted before has no login left; one a moderator suspended may still be deleted.
        if (jdbc.update("DELETE FROM users WHERE account_id = ?", account.id()) == 0) {
            throw ApiException.notFound();
        }
        jdbc.update("UPDATE statuses SET deleted_at = now(), updated_at = now() WHERE account_id = ? "
                + "AND deleted_at IS NULL", account.id());
        jdbc.update("UPDATE accounts SET suspended_at = now(), display_name = '', note = '', fields = '[]', "
                + "updated_at = now() WHERE id = ?", account.id());
        events.publish(new AccountDeleted(account.id()));
    }
}
