package social.tsubame.activitystreams;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An emoji reaction as Pleroma and Akkoma send it: {@code content} is the emoji; a custom one is named
 * {@code :shortcode:} with its image among {@code tag}.
 */
public record EmojiReact(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        String actor,
        String object,
        String content,
        List<Object> tag) {

    public static EmojiReact of(String id, String actor, String object, String emoji) {
        return new EmojiReact(List.of(JsonLdContext.ACTIVITY_STREAMS,
                Map.of("litepub", "http://litepub.social/ns#", "EmojiReact", "litepub:EmojiReact")),
                id, "EmojiReact", actor, object, emoji, List.of());
    }

    /** The same reaction embedded in an Undo, where it carries no context of its own. */
    public EmojiReact embedded() {
        return new EmojiReact(null, id, type, actor, object, content, tag);
    }
}
