package social.tsubame.federation.outbound;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.moderation.AccountSuspended;
import social.tsubame.queue.EventListener;

/**
 * A suspended local account is sent as a Delete of the actor, as Mastodon does; its relationships stay, so lifting
 * the suspension can reach its followers with the actor again.
 */
@Component
class SuspensionDeliveries implements EventListener<AccountSuspended> {

    private final Accounts accounts;
    private final ActorDeletes actorDeletes;
    private final TimeOrderedIds ids;

    SuspensionDeliveries(Accounts accounts, ActorDeletes actorDeletes, TimeOrderedIds ids) {
        this.accounts = accounts;
        this.actorDeletes = actorDeletes;
        this.ids = ids;
    }

    @Override
    public String name() {
        return "federation.send-account-suspension";
    }

    @Override
    public Class<AccountSuspended> eventType() {
        return AccountSuspended.class;
    }

    @Override
    public void on(AccountSuspended event) {
        accounts.findById(event.accountId()).filter(Account::isLocal)
                .ifPresent(account -> actorDeletes.send(account, "suspensions/" + ids.next()));
    }
}
