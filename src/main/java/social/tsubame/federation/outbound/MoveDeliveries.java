package social.tsubame.federation.outbound;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.AccountMoved;
import social.tsubame.account.Accounts;
import social.tsubame.account.ActorIds;
import social.tsubame.activitystreams.Move;
import social.tsubame.federation.relay.Relays;
import social.tsubame.queue.EventListener;

/**
 * Tells the servers of a moved account's remote followers, so they move their followers too, and, as Mastodon does,
 * the servers of remote accounts that block it, so they may block the new account as well, and the accepted relays.
 */
@Component
class MoveDeliveries implements EventListener<AccountMoved> {

    private final Accounts accounts;
    private final ActorIds actorIds;
    private final Deliveries deliveries;
    private final JdbcTemplate jdbc;
    private final Relays relays;

    MoveDeliveries(Accounts accounts, ActorIds actorIds, Deliveries deliveries, JdbcTemplate jdbc, Relays relays) {
        this.accounts = accounts;
        this.actorIds = actorIds;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.relays = relays;
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
        List<String> inboxes = new ArrayList<>(StatusDeliveries.remoteFollowerInboxes(jdbc, account.id()));
        inboxes.addAll(jdbc.queryForList("""
                SELECT DISTINCT coalesce(a.shared_inbox_url, a.inbox_url)
                FROM blocks b JOIN accounts a ON a.id = b.account_id
                WHERE b.target_account_id = ? AND a.domain IS NOT NULL
                  AND coalesce(a.shared_inbox_url, a.inbox_url) IS NOT NULL
                """, String.class, account.id()));
        inboxes.addAll(relays.acceptedInboxes());
        deliveries.deliver(move, account, inboxes);
    }
}
