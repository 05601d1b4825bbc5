package social.tsubame.federation.relay;

import java.time.Instant;
import java.util.Locale;

/**
 * A relay the instance actor follows.
 *
 * @param followActivityId the id of the Follow we sent it, which its Accept or Reject names
 * @param actorUri         the relay's actor, learnt from its answer; null until it answered
 */
public record Relay(long id, String inboxUrl, State state, String followActivityId, String actorUri,
                    Instant createdAt, Instant updatedAt) {

    /** Waiting for the relay's answer, taken in, turned away, or not followed. */
    public enum State {
        PENDING, ACCEPTED, REJECTED, IDLE;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
