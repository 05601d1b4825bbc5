package social.tsubame.federation.outbound;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.AccountMoved;
import social.tsubame.account.Accounts;
import social.tsubame.activitystreams.Move;
import social.tsubame.federation.ActorIds;
import social.tsubame.queue.EventListener;

/** Tells the servers of a moved account's remote followers, so they move their followers too. */
@Component
class MoveDeliveries implements EventListener<AccountMoved> {

    private final Accounts accounts;
    private final ActorIds actorIds;
    private final Deliveries deliveries;
    private final JdbcTemplate jdbc;

    MoveDeliveries(Accounts accounts, ActorIds actorIds, Deliveries deliveries, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.actorIds = actorIds;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "federation.send-move";
    }

    @Override
    public Class<AccountMoved> eventType() {
        return AccountMoved.class;
    }

    @Override
    public void on(AccountMoved event) {
        Account account = accounts.findById(event.accountId()).orElse(null);
        Account target = accounts.findById(event.targetId()).orElse(null);
        if (account == null || target == null || !account.isLocal()) {
            return;
        }
        String actor = actorIds.of(account);
        Move move = Move.of(actor + "#moves/" + target.id(), actor, actorIds.of(target));
        deliveries.deliver(move, account, StatusDeliveries.remoteFollowerInboxes(jdbc, account.id()));
    }
}
