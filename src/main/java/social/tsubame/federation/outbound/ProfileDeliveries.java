package social.tsubame.federation.outbound;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.ProfileUpdated;
import social.tsubame.activitystreams.Activity;
import social.tsubame.activitystreams.Actor;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.federation.mapping.LocalAccountToActor;
import social.tsubame.queue.EventListener;

/** A changed local profile goes to the servers of its followers as an Update of the actor. */
@Component
class ProfileDeliveries implements EventListener<ProfileUpdated> {

    private final Accounts accounts;
    private final LocalAccountToActor toActor;
    private final Deliveries deliveries;
    private final TimeOrderedIds ids;
    private final JdbcTemplate jdbc;

    ProfileDeliveries(Accounts accounts, LocalAccountToActor toActor, Deliveries deliveries, TimeOrderedIds ids,
                      JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.toActor = toActor;
        this.deliveries = deliveries;
        this.ids = ids;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "federation.send-profile-update";
    }

    @Override
    public Class<ProfileUpdated> eventType() {
        return ProfileUpdated.class;
    }

    @Override
    public void on(ProfileUpdated event) {
        accounts.findById(event.accountId()).filter(Account::isLocal).ifPresent(account -> {
            Actor actor = toActor.person(account);
            Activity update = new Activity(JsonLdContext.ACTOR, actor.id() + "#updates/" + ids.next(), "Update",
                    actor.id(), actor.embedded(), List.of(JsonLdContext.PUBLIC_COLLECTION), null, null);
            deliveries.deliver(update, account, StatusDeliveries.remoteFollowerInboxes(jdbc, account.id()));
        });
    }
}
