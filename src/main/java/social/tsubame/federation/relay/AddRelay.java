package social.tsubame.federation.relay;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.InstanceActorAccount;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.federation.DomainPolicy;
import social.tsubame.federation.mapping.ActorDocumentToProfile;
import social.tsubame.federation.outbound.Deliveries;
import social.tsubame.moderation.AuditLog;

/**
 * An admin adds a relay by its inbox: the instance actor sends it a Follow through the signed delivery queue, and the
 * relay stays pending until it answers.
 */
@Component
public class AddRelay {

    /** The inbox is followed already. */
    public static class AlreadyAdded extends RuntimeException {
        AlreadyAdded(String inbox) {
            super("The relay " + inbox + " has been added already");
        }
    }

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Relays relays;
    private final RelayActivities activities;
    private final Deliveries deliveries;
    private final InstanceActorAccount instanceActor;
    private final DomainPolicy domains;
    private final AuditLog audit;

    AddRelay(JdbcTemplate jdbc, TimeOrderedIds ids, Relays relays, RelayActivities activities, Deliveries deliveries,
             InstanceActorAccount instanceActor, DomainPolicy domains, AuditLog audit) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.relays = relays;
        this.activities = activities;
        this.deliveries = deliveries;
        this.instanceActor = instanceActor;
        this.domains = domains;
        this.audit = audit;
    }

    /**
     * @param actorAccountId the admin's account; null from the command line
     * @throws IllegalArgumentException when the inbox is not an http(s) URL of a server we federate with
     * @throws AlreadyAdded             when the inbox is a relay already
     */
    @Transactional
    public Relay add(Long actorAccountId, String inboxUrl) {
        String inbox = validInbox(inboxUrl);
        long id = ids.next();
        String followId = activities.followId(id);
        if (jdbc.update("INSERT INTO relays (id, inbox_url, follow_activity_id) VALUES (?, ?, ?)"
                + " ON CONFLICT (inbox_url) DO NOTHING", id, inbox, followId) == 0) {
            throw new AlreadyAdded(inbox);
        }
        Relay relay = relays.find(id).orElseThrow();
        deliveries.deliverWithChange(activities.follow(relay), instanceActor.get(), inbox);
        audit.record(actorAccountId, "create_relay", "Relay", String.valueOf(id), inbox);
        return relay;
    }

    private String validInbox(String inboxUrl) {
        URI uri;
        try {
            uri = new URI(inboxUrl == null ? "" : inboxUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a URL: " + inboxUrl);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("A relay's inbox must be an http or https URL: " + inboxUrl);
        }
        if (domains.refuses(ActorDocumentToProfile.hostOf(uri))) {
            throw new IllegalArgumentException("This server does not federate with " + uri.getHost());
        }
        return uri.toString();
    }
}
