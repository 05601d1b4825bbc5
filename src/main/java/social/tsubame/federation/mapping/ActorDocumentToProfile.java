package social.tsubame.federation.mapping;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import social.tsubame.account.RemoteActorProfile;
import social.tsubame.activitystreams.AsNodes;
import social.tsubame.federation.DomainPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a remote actor document into what we keep of it, refusing documents that do not belong where they were
 * fetched from: the actor's id must live on the host that served it, and its key must be its own.
 */
@Component
public class ActorDocumentToProfile {

    private static final Set<String> ACTOR_TYPES = Set.of("Person", "Service", "Application", "Group",
            "Organization");

    private final JsonMapper json;
    private final DomainPolicy domains;

    public ActorDocumentToProfile(JsonMapper json, DomainPolicy domains) {
        this.json = json;
        this.domains = domains;
    }

    /** Thrown for a document that is not an actor we may believe. */
    public static class InvalidActorException extends RuntimeException {
        public InvalidActorException(String message) {
            super(message);
        }
    }

    /**
     * @param document  the actor document
     * @param servedBy  the URI the document was finally fetched from (after redirects)
     */
    public RemoteActorProfile convert(JsonNode document, URI servedBy) {
        String id = AsNodes.text(document, "id").orElseThrow(() -> new InvalidActorException("actor has no id"));
        URI idUri = parse(id);
        String host = hostOf(idUri);
        if (!host.equals(hostOf(servedBy))) {
            throw new InvalidActorException("actor " + id + " was served by another host: " + servedBy);
        }
        String type = AsNodes.typeOf(document);
        if (!ACTOR_TYPES.contains(type)) {
            throw new InvalidActorException("not an actor type: " + type);
        }
        String inbox = AsNodes.idOf(document.path("inbox"))
                .orElseThrow(() -> new InvalidActorException("actor " + id + " has no inbox"));
        JsonNode key = document.path("publicKey").isArray() ? document.path("publicKey").path(0)
                : document.path("publicKey");
        String keyId = AsNodes.text(key, "id").orElse(null);
        String keyOwner = AsNodes.idOf(key.path("owner")).orElse(id);
        if (keyId != null && (!keyOwner.equals(id) || !hostOf(parse(keyId)).equals(host))) {
            throw new InvalidActorException("the key " + keyId + " of " + id + " belongs elsewhere");
        }
        String username = AsNodes.text(document, "preferredUsername")
                .filter(name -> !name.isBlank())
                .orElseGet(() -> lastPathSegment(idUri));
        boolean mediaRejected = domains.rejectsMedia(host);
        return new RemoteActorProfile(
                id,
                username,
                host,
                type,
                AsNodes.text(document, "name").orElse(""),
                RemoteHtml.sanitize(AsNodes.text(document, "summary").orElse("")),
                RemoteHtml.httpUrl(AsNodes.url(document.path("url"))).orElse(id),
                inbox,
                AsNodes.idOf(document.path("endpoints").path("sharedInbox")).orElse(null),
                AsNodes.idOf(document.path("outbox")).orElse(null),
                AsNodes.idOf(document.path("followers")).orElse(null),
                AsNodes.idOf(document.path("following")).orElse(null),
                AsNodes.idOf(document.path("featured")).orElse(null),
                keyId,
                AsNodes.text(key, "publicKeyPem").orElse(""),
                document.path("manuallyApprovesFollowers").asBoolean(false),
                !type.equals("Person") && !type.equals("Group"),
                document.path("discoverable").asBoolean(false),
                document.path("indexable").asBoolean(false),
                AsNodes.idsOf(document.path("alsoKnownAs")),
                mediaRejected ? null : RemoteHtml.httpUrl(AsNodes.url(document.path("icon"))).orElse(null),
                mediaRejected ? null : RemoteHtml.httpUrl(AsNodes.url(document.path("image"))).orElse(null),
                fields(document.path("attachment")));
    }

    private String fields(JsonNode attachments) {
        ArrayNode fields = json.createArrayNode();
        List<JsonNode> items = attachments.isArray() ? attachments.valueStream().toList()
                : attachments.isObject() ? List.of(attachments) : List.of();
        for (JsonNode item : items) {
            if (AsNodes.hasType(item, "PropertyValue")) {
                ObjectNode field = fields.addObject();
                field.put("name", AsNodes.text(item, "name").orElse(""));
                field.put("value", RemoteHtml.sanitize(AsNodes.text(item, "value").orElse("")));
            }
        }
        return json.writeValueAsString(fields);
    }

    private static URI parse(String uri) {
        try {
            URI parsed = URI.create(uri);
            boolean web = "https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme());
            if (parsed.getHost() == null || !web) {
                throw new InvalidActorException("not an http(s) URI: " + uri);
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new InvalidActorException("not a URI: " + uri);
        }
    }

    /** Host and port, lower case: the domain of an account. */
    public static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() > 0 && uri.getPort() != defaultPort(uri.getScheme()) ? host + ":" + uri.getPort() : host;
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    private static String lastPathSegment(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String[] segments = path.split("/");
        return segments.length == 0 ? uri.getHost() : segments[segments.length - 1];
    }
}
