package social.tsubame.federation.relay;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.InstanceActorAccount;
import social.tsubame.federation.outbound.Deliveries;
import social.tsubame.moderation.AuditLog;

/** An admin removes a relay: it is sent the Undo of our Follow and gets no more of our posts. */
@Component
public class RemoveRelay {

    private final JdbcTemplate jdbc;
    private final Relays relays;
    private final RelayActivities activities;
    private final Deliveries deliveries;
    private final InstanceActorAccount instanceActor;
    private final AuditLog audit;

    RemoveRelay(JdbcTemplate jdbc, Relays relays, RelayActivities activities, Deliveries deliveries,
                InstanceActorAccount instanceActor, AuditLog audit) {
        this.jdbc = jdbc;
        this.relays = relays;
        this.activities = activities;
        this.deliveries = deliveries;
        this.instanceActor = instanceActor;
        this.audit = audit;
    }

    /** Whether there was such a relay. */
    @Transactional
    public boolean remove(Long actorAccountId, long id) {
        Relay relay = relays.find(id).orElse(null);
        if (relay == null) {
            return false;
        }
        jdbc.update("DELETE FROM relays WHERE id = ?", id);
        if (relay.state() != Relay.State.REJECTED) {
            deliveries.deliverWithChange(activities.undo(relay), instanceActor.get(), relay.inboxUrl());
        }
        audit.record(actorAccountId, "destroy_relay", "Relay", String.valueOf(id), relay.inboxUrl());
        return true;
    }
}
