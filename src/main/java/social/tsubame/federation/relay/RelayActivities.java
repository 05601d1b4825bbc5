package social.tsubame.federation.relay;

import org.springframework.stereotype.Component;

import social.tsubame.activitystreams.Activity;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.core.Uris;

/** The instance actor's Follow of a relay, as Mastodon sends it (of the public collection), and its Undo. */
@Component
class RelayActivities {

    private final Uris uris;

    RelayActivities(Uris uris) {
        this.uris = uris;
    }

    String followId(long relayId) {
        return uris.instanceActor() + "#relays/" + relayId;
    }

    Activity follow(Relay relay) {
        return Activity.of(relay.followActivityId(), "Follow", uris.instanceActor(), JsonLdContext.PUBLIC_COLLECTION);
    }

    Activity undo(Relay relay) {
        return Activity.of(relay.followActivityId() + "/undo", "Undo", uris.instanceActor(), follow(relay).embedded());
    }
}
