package social.tsubame.federation.inbound;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.activitystreams.AsNodes;
import social.tsubame.federation.mapping.ActorDocumentToProfile;
import social.tsubame.queue.Deduplicator;
import social.tsubame.queue.Job;
import social.tsubame.queue.JobHandler;
import social.tsubame.queue.JobType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies an activity an inbox accepted: once per activity id, only when its actor is the one who signed it and its id
 * lives on the actor's server, by the handler of its type. Unknown types are counted and dropped, never retried.
 */
@Component
class ProcessInboundActivity {

    private static final Log log = LogFactory.getLog(ProcessInboundActivity.class);
    /** Servers deliver one activity to several of our inboxes, and retry; a day covers both. */
    private static final Duration DEDUPE_WINDOW = Duration.ofDays(1);

    private final Map<String, ActivityHandler> handlers = new HashMap<>();
    private final Accounts accounts;
    private final Deduplicator deduplicator;
    private final JsonMapper json;
    private final MeterRegistry metrics;
    private final RelayedPosts relayed;

    ProcessInboundActivity(List<ActivityHandler> handlers, Accounts accounts, Deduplicator deduplicator,
                           JsonMapper json, MeterRegistry metrics, RelayedPosts relayed) {
        handlers.forEach(handler -> this.handlers.put(handler.activityType(), handler));
        this.accounts = accounts;
        this.deduplicator = deduplicator;
        this.json = json;
        this.metrics = metrics;
        this.relayed = relayed;
    }

    void process(InboundActivity inbound) throws Exception {
        JsonNode activity = json.readTree(inbound.activity());
        String type = AsNodes.typeOf(activity);
        Optional<String> actorUri = AsNodes.idOf(activity.path("actor"));
        if (actorUri.isEmpty() || !actorUri.get().equals(inbound.signerUri())) {
            if (relayed.takeForwarded(type, activity, inbound.signerUri())) {
                count(type, "relayed");
                return;
            }
            count(type, "actor_mismatch");
            log.info("Dropped " + type + " from " + actorUri.orElse("nobody") + " signed by " + inbound.signerUri());
            return;
        }
        Optional<String> id = AsNodes.text(activity, "id");
        if (id.isPresent() && !sameHost(id.get(), actorUri.get())) {
            // Ids are names others rely on (a Delete's id, a boost's status id): no one may use another's.
            count(type, "id_origin_mismatch");
            return;
        }
        String dedupeKey = "inbound:" + inbound.signerUri() + " " + id.orElse("");
        if (id.isPresent() && deduplicator.seen(dedupeKey)) {
            count(type, "duplicate");
            return;
        }
        ActivityHandler handler = handlers.get(type);
        if (handler == null) {
            count(type, "unsupported");
            return;
        }
        Optional<Account> actor = accounts.findByUri(inbound.signerUri());
        if (actor.isEmpty()) {
            count(type, "unknown_actor");
            return;
        }
        if (actor.get().suspended()) {
            count(type, "suspended_actor");
            return;
        }
        handler.handle(new IncomingActivity(activity, actor.get()));
        id.ifPresent(value -> deduplicator.remember(dedupeKey, DEDUPE_WINDOW));
        count(type, "applied");
    }

    private static boolean sameHost(String uri, String actorUri) {
        try {
            return ActorDocumentToProfile.hostOf(URI.create(uri)).equals(ActorDocumentToProfile.hostOf(
                    URI.create(actorUri)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void count(String type, String outcome) {
        String known = handlers.containsKey(type) ? type : "other";
        metrics.counter("tsubame.federation.inbound.activities", "type", known, "outcome", outcome).increment();
    }

    /** The same work on the normal and the throttled ingress queue. */
    @Component
    static class OnIngress implements JobHandler<InboundActivity> {
        private final ProcessInboundActivity process;

        OnIngress(ProcessInboundActivity process) {
            this.process = process;
        }

        @Override
        public JobType<InboundActivity> type() {
            return InboundActivity.TYPE;
        }

        @Override
        public void handle(InboundActivity payload, Job job) throws Exception {
            process.process(payload);
        }
    }
}
