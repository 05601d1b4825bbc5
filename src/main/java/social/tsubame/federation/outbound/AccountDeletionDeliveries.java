package social.tsubame.federation.outbound;

import org.springframework.stereotype.Component;

import social.tsubame.account.AccountDeleted;
import social.tsubame.account.Accounts;
import social.tsubame.account.RemoveAccountRelationships;
import social.tsubame.queue.EventListener;

/** A deleted local account is sent as a Delete of the actor to the servers that know it, then its relationships go. */
@Component
class AccountDeletionDeliveries implements EventListener<AccountDeleted> {

    private final Accounts accounts;
    private final ActorDeletes actorDeletes;
    private final RemoveAccountRelationships relationships;

    AccountDeletionDeliveries(Accounts accounts, ActorDeletes actorDeletes, RemoveAccountRelationships relationships) {
        this.accounts = accounts;
        this.actorDeletes = actorDeletes;
        this.relationships = relationships;
    }

    @Override
    public String name() {
        return "federation.send-account-deletion";
    }

    @Override
    public Class<AccountDeleted> eventType() {
        return AccountDeleted.class;
    }

    @Override
    public void on(AccountDeleted event) {
        accounts.findById(event.accountId()).ifPresent(account -> {
            actorDeletes.send(account, "delete");
            relationships.remove(account.id());
        });
    }
}
