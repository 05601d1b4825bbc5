package social.tsubame.federation.outbound;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.AccountDeleted;
import social.tsubame.account.Accounts;
import social.tsubame.account.RemoveAccountRelationships;
import social.tsubame.activitystreams.Activity;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.core.Uris;
import social.tsubame.queue.EventListener;

/**
 * Tells every server that knows a deleted local account — those of its followers and of the accounts it follows —
 * with a Delete of the actor, then lets go of those relationships.
 */
@Component
class AccountDeletionDeliveries implements EventListener<AccountDeleted> {

    private final Accounts accounts;
    private final Deliveries deliveries;
    private final RemoveAccountRelationships relationships;
    private final JdbcTemplate jdbc;
    private final Uris uris;

    AccountDeletionDeliveries(Accounts accounts, Deliveries deliveries, RemoveAccountRelationships relationships,
                              JdbcTemplate jdbc, Uris uris) {
        this.accounts = accounts;
        this.deliveries = deliveries;
        this.relationships = relationships;
        this.jdbc = jdbc;
        this.uris = uris;
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
            String actor = uris.actor(account.username());
            Set<String> inboxes = new LinkedHashSet<>(StatusDeliveries.remoteFollowerInboxes(jdbc, account.id()));
            inboxes.addAll(jdbc.queryForList("""
                    SELECT DISTINCT coalesce(a.shared_inbox_url, a.inbox_url)
                    FROM follows f JOIN accounts a ON a.id = f.target_account_id
                    WHERE f.account_id = ? AND a.domain IS NOT NULL
                    """, String.class, account.id()));
            deliveries.deliver(new Activity(JsonLdContext.ACTIVITY_STREAMS, actor + "#delete", "Delete", actor, actor,
                    List.of(JsonLdContext.PUBLIC_COLLECTION), null, null), account, inboxes);
            relationships.remove(account.id());
        });
    }
}
