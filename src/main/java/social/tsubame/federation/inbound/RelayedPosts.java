package social.tsubame.federation.inbound;

import java.io.IOException;
import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.activitystreams.AsNodes;
import social.tsubame.federation.relay.Relays;
import social.tsubame.status.Status;
import tools.jackson.databind.JsonNode;

/**
 * Posts that a relay we follow passes on: a Mastodon-style relay forwards the author's {@code Create} under its own
 * signature, a LitePub relay {@code Announce}s it. Either way the post is believed only as its origin serves it, and
 * the relay's part leaves no trace (no boost by the relay in anyone's timeline).
 */
@Component
class RelayedPosts {

    private final Relays relays;
    private final RemoteStatuses remoteStatuses;
    private final FetchThread fetchThread;

    RelayedPosts(Relays relays, RemoteStatuses remoteStatuses, FetchThread fetchThread) {
        this.relays = relays;
        this.remoteStatuses = remoteStatuses;
        this.fetchThread = fetchThread;
    }

    boolean isRelay(String actorUri) {
        return relays.isAcceptedRelay(actorUri);
    }

    /**
     * Takes in the post of a {@code Create} signed by someone other than its actor, when the signer is a relay we
     * follow; whether it was one.
     */
    boolean takeForwarded(String type, JsonNode activity, String signerUri) throws IOException {
        if (!type.equals("Create") || !isRelay(signerUri)) {
            return false;
        }
        take(activity);
        return true;
    }

    /** Fetches the activity's object from its origin, unless we have it already. */
    void take(JsonNode activity) throws IOException {
        Optional<String> objectId = AsNodes.idOf(activity.path("object"));
        if (objectId.isEmpty()) {
            return;
        }
        Optional<Status> stored = remoteStatuses.resolve(objectId.get());
        stored.ifPresent(status -> fetchThread.fetchParentOf(status, 1));
    }
}
