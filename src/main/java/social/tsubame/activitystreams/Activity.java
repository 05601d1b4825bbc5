package social.tsubame.activitystreams;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An activity Tsubame sends.
 *
 * @param object an id, or the embedded object (another activity, a note)
 */
public record Activity(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        String actor,
        Object object,
        List<String> to,
        List<String> cc,
        String published) {

    public static Activity of(String id, String type, String actor, Object object) {
        return new Activity(JsonLdContext.ACTIVITY_STREAMS, id, type, actor, object, null, null, null);
    }

    /** The same activity embedded in another, where it carries no context of its own. */
    public Activity embedded() {
        return new Activity(null, id, type, actor, object, to, cc, published);
    }
}
