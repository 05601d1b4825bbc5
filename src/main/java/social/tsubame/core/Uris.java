package social.tsubame.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/** Every URI this server hands to the fediverse, built and parsed in this one place. */
@Component
public class Uris {

    private final String base;
    private final String localDomain;
    private final String instanceActorUsername;
    private final Pattern actorPattern;

    public Uris(ServerIdentity identity) {
        this.base = identity.baseUrl();
        this.localDomain = identity.localDomain();
        this.instanceActorUsername = identity.localDomain();
        this.actorPattern = Pattern.compile(Pattern.quote(base) + "/users/([^/?#]+)");
    }

    public String base() {
        return base;
    }

    /** The domain of local handles: {@code alice@localDomain}. */
    public String localDomain() {
        return localDomain;
    }

    public String actor(String username) {
        return base + "/users/" + username;
    }

    /** The ActivityPub id of a local account, the server's own actor included. */
    public String localActor(String username) {
        return username.equals(instanceActorUsername) ? instanceActor() : actor(username);
    }

    public String keyId(String actorUri) {
        return actorUri + "#main-key";
    }

    public String inbox(String username) {
        return actor(username) + "/inbox";
    }

    public String outbox(String username) {
        return actor(username) + "/outbox";
    }

    public String followers(String username) {
        return actor(username) + "/followers";
    }

    public String following(String username) {
        return actor(username) + "/following";
    }

    public String featured(String username) {
        return actor(username) + "/collections/featured";
    }

    public String sharedInbox() {
        return base + "/inbox";
    }

    public String status(String username, long statusId) {
        return actor(username) + "/statuses/" + statusId;
    }

    public String activity(String username, String kind, long id) {
        return actor(username) + "#" + kind + "/" + id;
    }

    /** The page of a hashtag. */
    public String tag(String name) {
        return base + "/tags/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** The web page of a local status. */
    public String statusPage(String username, long statusId) {
        return profile(username) + "/" + statusId;
    }

    /** The profile page of a person. */
    public String profile(String username) {
        return base + "/@" + username;
    }

    /** A media file kept on this server's disk, by its storage key. */
    public String localMedia(String key) {
        return base + "/system/media/" + key;
    }

    /** The server's own actor. */
    public String instanceActor() {
        return base + "/actor";
    }

    /** The username of a local actor URI ({@code …/users/alice}), if it is one. */
    public Optional<String> localUsername(String actorUri) {
        if (actorUri == null) {
            return Optional.empty();
        }
        Matcher matcher = actorPattern.matcher(actorUri);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public boolean isLocal(String uri) {
        return uri != null && (uri.equals(base) || uri.startsWith(base + "/"));
    }
}
