package social.tsubame.activitystreams;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Move: {@code actor} (also the {@code object}) now lives at {@code target}. */
public record Move(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        String actor,
        String object,
        String target) {

    public static Move of(String id, String actor, String target) {
        return new Move(JsonLdContext.ACTIVITY_STREAMS, id, "Move", actor, actor, target);
    }
}
