package social.tsubame.federation.relay;

import java.net.URI;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.federation.mapping.ActorDocumentToProfile;

/**
 * A relay's {@code Accept} or {@code Reject} of our Follow, found by the Follow's id. Only an actor on the relay's own
 * server may answer for it; the one that does is remembered as the relay's actor.
 */
@Component
public class AnswerRelayFollow {

    private final JdbcTemplate jdbc;
    private final Relays relays;

    AnswerRelayFollow(JdbcTemplate jdbc, Relays relays) {
        this.jdbc = jdbc;
        this.relays = relays;
    }

    /** Whether {@code followId} was the Follow of a relay, answered now by {@code answeringActor}. */
    public boolean answer(String followId, String answeringActor, boolean accepted) {
        Relay relay = relays.findByFollow(followId).orElse(null);
        if (relay == null || !sameHost(relay.inboxUrl(), answeringActor)) {
            return false;
        }
        jdbc.update("UPDATE relays SET state = ?, actor_uri = ?, updated_at = now() WHERE id = ?",
                (accepted ? Relay.State.ACCEPTED : Relay.State.REJECTED).value(), answeringActor, relay.id());
        return true;
    }

    private static boolean sameHost(String inbox, String actor) {
        try {
            return ActorDocumentToProfile.hostOf(URI.create(inbox)).equals(ActorDocumentToProfile.hostOf(
                    URI.create(actor)));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
