package social.tsubame.account;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import social.tsubame.core.ApiException;
import social.tsubame.queue.DomainEvents;

/**
 * A local account names another account it is also known as: that account may then move its followers here. Other
 * servers are told with an Update of the actor.
 */
@Service
public class AddAccountAlias {

    private final AccountHandles handles;
    private final AccountAliases aliases;
    private final ActorIds actorIds;
    private final TransactionTemplate transactions;
    private final DomainEvents events;

    AddAccountAlias(AccountHandles handles, AccountAliases aliases, ActorIds actorIds,
                    TransactionTemplate transactions, DomainEvents events) {
        this.handles = handles;
        this.aliases = aliases;
        this.actorIds = actorIds;
        this.transactions = transactions;
        this.events = events;
    }

    /** Looks the handle up (on its server, when unknown here) before anything is written. */
    public void add(long localAccountId, String acct) {
        Account alias = handles.resolve(acct).filter(found -> !found.suspended())
                .orElseThrow(() -> ApiException.unprocessable("No account was found for " + acct));
        if (alias.id() == localAccountId) {
            throw ApiException.unprocessable("An account cannot be its own alias");
        }
        String actorId = actorIds.of(alias);
        transactions.executeWithoutResult(status -> {
            List<String> current = aliases.lockedAliasesOf(localAccountId);
            if (current.contains(actorId)) {
                return;
            }
            current.add(actorId);
            aliases.save(localAccountId, current);
            events.publish(new ProfileUpdated(localAccountId));
        });
    }
}
