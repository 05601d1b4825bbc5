package social.tsubame.activitystreams;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An ActivityPub actor document ({@code Person}, {@code Service}, …) as Tsubame publishes and reads it. */
public record Actor(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        String preferredUsername,
        String name,
        String summary,
        String url,
        String inbox,
        String outbox,
        String followers,
        String following,
        String featured,
        Endpoints endpoints,
        PublicKey publicKey,
        Boolean manuallyApprovesFollowers,
        Boolean discoverable,
        Boolean indexable,
        Boolean memorial,
        List<String> alsoKnownAs,
        String movedTo,
        List<PropertyValue> attachment,
        Image icon,
        Image image,
        String published) {

    /** The same actor embedded in an activity (an Update), without a context of its own. */
    public Actor embedded() {
        return new Actor(null, id, type, preferredUsername, name, summary, url, inbox, outbox, followers, following,
                featured, endpoints, publicKey, manuallyApprovesFollowers, discoverable, indexable, memorial,
                alsoKnownAs, movedTo, attachment, icon, image, published);
    }

    public record Endpoints(String sharedInbox) {
    }

    /** The key other servers verify this actor's signatures with. */
    public record PublicKey(String id, String owner, String publicKeyPem) {
    }

    /** A profile field, {@code name: value}. */
    public record PropertyValue(String type, String name, String value) {

        public static PropertyValue of(String name, String value) {
            return new PropertyValue("PropertyValue", name, value);
        }
    }

    public record Image(String type, String mediaType, String url) {
    }
}
