package social.tsubame.federation.inbound;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.activitystreams.AsNodes;
import social.tsubame.core.Uris;
import social.tsubame.federation.DomainPolicy;
import social.tsubame.federation.http.FederationHttpClient;
import social.tsubame.federation.http.ForbiddenAddressException;
import social.tsubame.federation.http.RemoteResponse;
import social.tsubame.federation.mapping.ActorDocumentToProfile;
import social.tsubame.federation.mapping.NoteToRemoteStatus;
import social.tsubame.federation.outbound.LocalSigners;
import social.tsubame.status.ReceiveRemoteStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remote posts by their ids: from the database when known, otherwise fetched from their own server, which is the
 * only source believed — a post forwarded or boosted by someone else is taken from its origin, never from the copy.
 */
@Component
public class RemoteStatuses {

    private final Statuses statuses;
    private final FederationHttpClient http;
    private final LocalSigners signers;
    private final RemoteActors remoteActors;
    private final NoteToRemoteStatus toStatus;
    private final ReceiveRemoteStatus receive;
    private final DomainPolicy domains;
    private final Uris uris;
    private final JsonMapper json;
    private final FetchSlots slots;

    RemoteStatuses(Statuses statuses, FederationHttpClient http, LocalSigners signers, RemoteActors remoteActors,
                   NoteToRemoteStatus toStatus, ReceiveRemoteStatus receive, DomainPolicy domains, Uris uris,
                   JsonMapper json, FetchSlots slots) {
        this.statuses = statuses;
        this.http = http;
        this.signers = signers;
        this.remoteActors = remoteActors;
        this.toStatus = toStatus;
        this.receive = receive;
        this.domains = domains;
        this.uris = uris;
        this.json = json;
        this.slots = slots;
    }

    /**
     * The status at {@code uri}, fetched if needed; empty when it does not exist, is not a post, or does not belong
     * to where it was served from.
     *
     * @throws IOException when its server could not be reached: worth trying again later
     */
    public Optional<Status> resolve(String uri) throws IOException {
        Optional<Status> known = statuses.findByUri(uri);
        if (known.isPresent() || uris.isLocal(uri)) {
            return known;
        }
        URI location;
        try {
            location = URI.create(uri);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (location.getHost() == null || domains.refuses(ActorDocumentToProfile.hostOf(location))) {
            return Optional.empty();
        }
        RemoteResponse response;
        try {
            URI target = location;
            response = slots.run(ActorDocumentToProfile.hostOf(location),
                    () -> http.fetchActivityJson(target, signers.asInstanceActor()));
        } catch (ForbiddenAddressException e) {
            return Optional.empty();
        }
        if (response.status() == 404 || response.status() == 410 || (response.status() >= 400
                && response.status() < 500 && response.status() != 408 && response.status() != 429)) {
            return Optional.empty();
        }
        if (!response.isSuccessful()) {
            throw new IOException(uri + " answered " + response.status());
        }
        return store(json.readTree(response.body()), response.uri());
    }

    private Optional<Status> store(JsonNode post, URI servedBy) throws IOException {
        Optional<String> id = AsNodes.text(post, "id");
        Optional<String> author = AsNodes.idOf(post.path("attributedTo"));
        if (id.isEmpty() || author.isEmpty()
                || !ActorDocumentToProfile.hostOf(URI.create(id.get())).equals(ActorDocumentToProfile.hostOf(servedBy))
                || !NoteToRemoteStatus.POST_TYPES.contains(AsNodes.typeOf(post))) {
            return Optional.empty();
        }
        Optional<Status> known = statuses.findByUri(id.get());
        if (known.isPresent()) {
            return known;
        }
        try {
            Account account = remoteActors.resolve(author.get());
            return receive.receive(toStatus.convert(post, account));
        } catch (RemoteActors.ActorNotFoundException | NoteToRemoteStatus.RejectedPostException e) {
            return Optional.empty();
        }
    }
}
