package social.tsubame.activitystreams;

import java.util.List;
import java.util.Map;

/**
 * The JSON-LD contexts Tsubame writes. Documents are read as plain JSON with these terms; the context is there for
 * consumers that do process JSON-LD, and names the extension terms Mastodon introduced and everyone reads.
 */
public final class JsonLdContext {

    public static final String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams";
    public static final String SECURITY = "https://w3id.org/security/v1";
    public static final String PUBLIC_COLLECTION = ACTIVITY_STREAMS + "#Public";

    private static final Map<String, Object> EXTENSIONS = Map.ofEntries(
            Map.entry("manuallyApprovesFollowers", "as:manuallyApprovesFollowers"),
            Map.entry("sensitive", "as:sensitive"),
            Map.entry("movedTo", Map.of("@id", "as:movedTo", "@type", "@id")),
            Map.entry("alsoKnownAs", Map.of("@id", "as:alsoKnownAs", "@type", "@id")),
            Map.entry("toot", "http://joinmastodon.org/ns#"),
            Map.entry("featured", Map.of("@id", "toot:featured", "@type", "@id")),
            Map.entry("discoverable", "toot:discoverable"),
            Map.entry("indexable", "toot:indexable"),
            Map.entry("memorial", "toot:memorial"),
            Map.entry("schema", "http://schema.org#"),
            Map.entry("PropertyValue", "schema:PropertyValue"),
            Map.entry("value", "schema:value"));

    /** The context of actor documents. */
    public static final List<Object> ACTOR = List.of(ACTIVITY_STREAMS, SECURITY, EXTENSIONS);

    private JsonLdContext() {
    }
}
