package social.tsubame.activitystreams;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Flag: a report sent on to the server of the account reported; {@code object} is the account, then its posts. */
public record Flag(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        String actor,
        List<String> object,
        String content) {

    public static Flag of(String id, String actor, List<String> object, String content) {
        return new Flag(JsonLdContext.ACTIVITY_STREAMS, id, "Flag", actor, object, content);
    }
}
