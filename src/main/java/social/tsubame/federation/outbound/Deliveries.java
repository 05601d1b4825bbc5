package social.tsubame.federation.outbound;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.queue.Jobs;
import social.tsubame.queue.Outbox;
import tools.jackson.databind.json.JsonMapper;

/** Queues an activity for delivery: one job per distinct inbox, never one per recipient. */
@Component
public class Deliveries {

    private final Jobs jobs;
    private final Outbox outbox;
    private final JsonMapper json;

    public Deliveries(Jobs jobs, Outbox outbox, JsonMapper json) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.json = json;
    }

    /** @param activity an activity record ({@code Activity}, {@code Move}…), sent as JSON */
    public void deliver(Object activity, Account signer, Collection<String> inboxes) {
        String body = json.writeValueAsString(activity);
        new LinkedHashSet<>(inboxes).stream()
                .filter(Objects::nonNull)
                .forEach(inbox -> jobs.enqueue(DeliverActivity.TYPE, new DeliverActivity(inbox, body, signer.id())));
    }

    /** Queues the activity for one inbox as part of the current transaction: sent if and only if it commits. */
    public void deliverWithChange(Object activity, Account signer, String inbox) {
        outbox.add(DeliverActivity.TYPE, new DeliverActivity(inbox, json.writeValueAsString(activity), signer.id()));
    }

    /** The inbox to reach one remote account: its shared inbox if it has one, as its server prefers. */
    public static String inboxOf(Account remote) {
        return remote.sharedInboxUrl() != null ? remote.sharedInboxUrl() : remote.inboxUrl();
    }
}
