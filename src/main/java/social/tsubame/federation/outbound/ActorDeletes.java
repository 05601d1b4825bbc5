package social.tsubame.federation.outbound;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.activitystreams.Activity;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.core.Uris;

/**
 * Tells every server that knows a local account — those of its followers and of the accounts it follows — that the
 * actor is gone, with a Delete of it.
 */
@Component
class ActorDeletes {

    private final Deliveries deliveries;
    private final JdbcTemplate jdbc;
    private final Uris uris;

    ActorDeletes(Deliveries deliveries, JdbcTemplate jdbc, Uris uris) {
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.uris = uris;
    }

    /** @param fragment makes the activity's id, which must differ between a suspension and a later deletion */
    void send(Account account, String fragment) {
        String actor = uris.actor(account.username());
        Set<String> inboxes = new LinkedHashSet<>(StatusDeliveries.remoteFollowerInboxes(jdbc, account.id()));
        inboxes.addAll(jdbc.queryForList("""
                SELECT DISTINCT coalesce(a.shared_inbox_url, a.inbox_url)
                FROM follows f JOIN accounts a ON a.id = f.target_account_id
                WHERE f.account_id = ? AND a.domain IS NOT NULL
                """, String.class, account.id()));
        deliveries.deliver(new Activity(JsonLdContext.ACTIVITY_STREAMS, actor + "#" + fragment, "Delete", actor,
                actor, List.of(JsonLdContext.PUBLIC_COLLECTION), null, null), account, inboxes);
    }
}
