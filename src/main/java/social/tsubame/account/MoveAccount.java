package social.tsubame.account;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;

/**
 * A local account moves to another account, as on Mastodon: the user confirms with their password, the target (its
 * actor fetched again, when remote) must name this account among its aliases, and a second move waits 30 days. The
 * account then points at the target ({@code movedTo}), its local followers follow the target instead, and other
 * servers are told with an Update of the actor and a Move, so they move theirs.
 */
@Service
public class MoveAccount {

    static final int COOLDOWN_DAYS = 30;

    /** @param acct the handle of the account to move to */
    public record Command(long userId, long accountId, String acct, String currentPassword) {
    }

    private final CurrentPassword currentPassword;
    private final AccountHandles handles;
    private final RemoteAccountRefresh refresh;
    private final ActorIds actorIds;
    private final Accounts accounts;
    private final MoveLocalRelationships moveRelationships;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final DomainEvents events;

    MoveAccount(CurrentPassword currentPassword, AccountHandles handles, RemoteAccountRefresh refresh,
                ActorIds actorIds, Accounts accounts, MoveLocalRelationships moveRelationships,
                TransactionTemplate transactions, JdbcTemplate jdbc, TimeOrderedIds ids, DomainEvents events) {
        this.currentPassword = currentPassword;
        this.handles = handles;
        this.refresh = refresh;
        this.actorIds = actorIds;
        this.accounts = accounts;
        this.moveRelationships = moveRelationships;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
    }

    /** Fetches the target before anything is written. */
    public void move(Command command) {
        currentPassword.confirm(command.userId(), command.currentPassword());
        Account found = handles.resolve(command.acct())
                .orElseThrow(() -> ApiException.unprocessable("No account was found for " + command.acct()));
        Account target = found.isLocal() ? found : refresh.refresh(found).orElseThrow(() ->
                ApiException.unprocessable("The server of " + command.acct() + " could not be reached"));
        if (target.suspended()) {
            throw ApiException.unprocessable("No account was found for " + command.acct());
        }
        transactions.executeWithoutResult(status -> {
            Long movedTo = lockedMovedTo(command.accountId());
            Account account = accounts.findById(command.accountId()).orElseThrow(ApiException::notFound);
            check(account, movedTo, target);
            int moved = moveRelationships.move(account.id(), target.id());
            jdbc.update("""
                    INSERT INTO account_migrations (id, account_id, target_account_id, acct, followers_count)
                    VALUES (?, ?, ?, ?, ?)""", ids.next(), account.id(), target.id(), target.acct(), moved);
            events.publish(new ProfileUpdated(account.id()));
            events.publish(new AccountMoved(account.id(), target.id()));
        });
    }

    private Long lockedMovedTo(long localAccountId) {
        List<Long> rows = jdbc.query("SELECT moved_to_account_id FROM accounts WHERE id = ? AND domain IS NULL "
                + "FOR UPDATE", (rs, i) -> rs.getObject(1, Long.class), localAccountId);
        if (rows.isEmpty()) {
            throw ApiException.notFound();
        }
        return rows.getFirst();
    }

    private void check(Account account, Long movedTo, Account target) {
        if (account.id() == target.id()) {
            throw ApiException.unprocessable("An account cannot move to itself");
        }
        if (!Arrays.asList(target.alsoKnownAs()).contains(actorIds.of(account))) {
            throw ApiException.unprocessable("The target account must list this account as an alias first");
        }
        if (movedTo != null && movedTo == target.id()) {
            throw ApiException.unprocessable("This account has moved to " + target.acct() + " already");
        }
        Boolean recent = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM account_migrations WHERE account_id = ? "
                + "AND created_at > now() - make_interval(days => ?))", Boolean.class, account.id(), COOLDOWN_DAYS);
        if (Boolean.TRUE.equals(recent)) {
            throw ApiException.unprocessable("An account can move only once in " + COOLDOWN_DAYS + " days");
        }
    }
}
