package social.tsubame.federation.mapping;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.ActorIds;
import social.tsubame.activitystreams.Actor;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.core.Uris;
import social.tsubame.media.MediaStorage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds the actor document of a local account. */
@Component
public class LocalAccountToActor {

    private final Uris uris;
    private final JsonMapper json;
    private final Accounts accounts;
    private final ActorIds actorIds;

    private final MediaStorage media;

    public LocalAccountToActor(Uris uris, JsonMapper json, Accounts accounts, ActorIds actorIds, MediaStorage media) {
        this.uris = uris;
        this.json = json;
        this.accounts = accounts;
        this.actorIds = actorIds;
        this.media = media;
    }

    private Actor.Image image(String key) {
        if (key == null) {
            return null;
        }
        String mediaType = key.endsWith(".png") ? "image/png" : "image/jpeg";
        return new Actor.Image("Image", mediaType, media.url(key));
    }

    private String movedTo(Account account) {
        return account.movedToAccountId() == null ? null
                : accounts.findById(account.movedToAccountId()).map(actorIds::of).orElse(null);
    }

    public Actor person(Account account) {
        String username = account.username();
        String id = uris.actor(username);
        return new Actor(
                JsonLdContext.ACTOR,
                id,
                account.actorType(),
                username,
                account.displayName(),
                account.note(),
                uris.profile(username),
                uris.inbox(username),
                uris.outbox(username),
                uris.followers(username),
                uris.following(username),
                uris.featured(username),
                new Actor.Endpoints(uris.sharedInbox()),
                new Actor.PublicKey(uris.keyId(id), id, account.publicKey()),
                account.locked(),
                account.discoverable(),
                account.indexable(),
                account.memorial() ? Boolean.TRUE : null,
                Arrays.asList(account.alsoKnownAs()),
                movedTo(account),
                fields(account),
                image(account.avatarFile()),
                image(account.headerFile()),
                DateTimeFormatter.ISO_INSTANT.format(account.createdAt().truncatedTo(ChronoUnit.SECONDS)));
    }

    /** The server's own actor, at {@code /actor}: it owns no posts and takes no follows from people. */
    public Actor instanceActor(Account account) {
        String id = uris.instanceActor();
        return new Actor(JsonLdContext.ACTOR, id, "Service", account.username(), account.username(), null,
                uris.base() + "/about", id + "/inbox", id + "/outbox", null, null, null,
                new Actor.Endpoints(uris.sharedInbox()), new Actor.PublicKey(uris.keyId(id), id, account.publicKey()),
                true, false, false, null, List.of(), null, List.of(), null, null,
                DateTimeFormatter.ISO_INSTANT.format(account.createdAt().truncatedTo(ChronoUnit.SECONDS)));
    }

    private List<Actor.PropertyValue> fields(Account account) {
        JsonNode fields = json.readTree(account.fieldsJson());
        return fields.valueStream()
                .map(field -> Actor.PropertyValue.of(field.path("name").asString(""),
                        field.path("value").asString("")))
                .toList();
    }
}
