package social.tsubame.account;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.queue.DomainEvents;

/** A local account stops naming an alias; other servers are told with an Update of the actor. */
@Service
public class RemoveAccountAlias {

    private final AccountHandles handles;
    private final AccountAliases aliases;
    private final ActorIds actorIds;
    private final DomainEvents events;

    RemoveAccountAlias(AccountHandles handles, AccountAliases aliases, ActorIds actorIds, DomainEvents events) {
        this.handles = handles;
        this.aliases = aliases;
        this.actorIds = actorIds;
        this.events = events;
    }

    /** The alias by its handle, among the accounts known here; 404 when it is not among the aliases. */
    @Transactional
    public void removeHandle(long localAccountId, String acct) {
        Account alias = handles.known(acct).orElseThrow(ApiException::notFound);
        remove(localAccountId, actorIds.of(alias));
    }

    /**
     * The alias by its actor id as listed, also for an account this server no longer knows; 404 when it is not among
     * the aliases.
     */
    @Transactional
    public void remove(long localAccountId, String actorId) {
        List<String> current = aliases.lockedAliasesOf(localAccountId);
        if (!current.remove(actorId)) {
            throw ApiException.notFound();
        }
        aliases.save(localAccountId, current);
        events.publish(new ProfileUpdated(localAccountId));
    }
}
