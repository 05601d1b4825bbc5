package social.tsubame.federation.inbound;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.RemoteAccounts;
import social.tsubame.activitystreams.AsNodes;
import social.tsubame.federation.DomainPolicy;
import social.tsubame.federation.http.FederationHttpClient;
import social.tsubame.federation.http.ForbiddenAddressException;
import social.tsubame.federation.http.RemoteResponse;
import social.tsubame.federation.mapping.ActorDocumentToProfile;
import social.tsubame.federation.outbound.LocalSigners;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remote actors by their ids: from the database when known, otherwise fetched (signed as the server's own actor, as
 * servers in authorized-fetch mode require) and stored.
 */
@Component
public class RemoteActors {

    private final RemoteAccounts remoteAccounts;
    private final Accounts accounts;
    private final FederationHttpClient http;
    private final LocalSigners signers;
    private final ActorDocumentToProfile toProfile;
    private final DomainPolicy domains;
    private final JsonMapper json;
    private final FetchSlots slots;
    private final CacheProfileImages profileImages;

    RemoteActors(RemoteAccounts remoteAccounts, Accounts accounts, FederationHttpClient http, LocalSigners signers,
                 ActorDocumentToProfile toProfile, DomainPolicy domains, JsonMapper json, FetchSlots slots,
                 CacheProfileImages profileImages) {
        this.remoteAccounts = remoteAccounts;
        this.accounts = accounts;
        this.http = http;
        this.signers = signers;
        this.toProfile = toProfile;
        this.domains = domains;
        this.json = json;
        this.slots = slots;
        this.profileImages = profileImages;
    }

    /**
     * The thrown-away kind of failure: the actor does not exist (any more), is not to be believed, or lives where we
     * may not go.
     */
    public static class ActorNotFoundException extends Exception {
        public ActorNotFoundException(String message) {
            super(message);
        }
    }

    /** The account of an actor, fetched only when not known yet. */
    public Account resolve(String actorUri) throws IOException, ActorNotFoundException {
        Optional<Account> known = accounts.findByUri(actorUri);
        return known.isPresent() ? known.get() : fetch(actorUri);
    }

    /** Fetches the actor document again and stores what it says now. */
    public Account fetch(String actorUri) throws IOException, ActorNotFoundException {
        Fetched document = fetchDocument(URI.create(actorUri));
        return store(document.node(), document.servedBy());
    }

    /**
     * The account owning a key: the key id's document is either the actor itself ({@code …/users/bob#main-key}) or a
     * key object naming its owner, which is then fetched.
     */
    public Account fetchByKeyId(String keyId) throws IOException, ActorNotFoundException {
        URI keyUri = URI.create(keyId);
        URI document = URI.create(keyUri.getScheme() + ":" + keyUri.getRawSchemeSpecificPart());
        Fetched fetched = fetchDocument(document);
        JsonNode node = fetched.node();
        if (node.has("inbox")) {
            return store(node, fetched.servedBy());
        }
        String owner = AsNodes.idOf(node.path("owner"))
                .orElseThrow(() -> new ActorNotFoundException("key " + keyId + " names no owner"));
        if (!ActorDocumentToProfile.hostOf(URI.create(owner)).equals(ActorDocumentToProfile.hostOf(keyUri))) {
            throw new ActorNotFoundException("key " + keyId + " claims an owner on another host: " + owner);
        }
        return fetch(owner);
    }

    private record Fetched(JsonNode node, URI servedBy) {
    }

    private Fetched fetchDocument(URI uri) throws IOException, ActorNotFoundException {
        if (domains.refuses(ActorDocumentToProfile.hostOf(uri))) {
            throw new ActorNotFoundException(uri.getHost() + " is blocked");
        }
        RemoteResponse response;
        try {
            response = http.fetchActivityJson(uri, signers.asInstanceActor());
        } catch (ForbiddenAddressException e) {
            // Like a blocked domain, and unlike a server that is down, this does not get better by trying again.
            throw new ActorNotFoundException(uri + " is at an address we may not reach: " + e.getMessage());
        }
        if (response.status() == 404 || response.status() == 410) {
            throw new ActorNotFoundException(uri + " is gone (" + response.status() + ")");
        }
        if (!response.isSuccessful()) {
            throw new IOException(uri + " answered " + response.status());
        }
        try {
            return new Fetched(json.readTree(response.body()), response.uri());
        } catch (RuntimeException e) {
            throw new ActorNotFoundException(uri + " did not answer JSON");
        }
    }

    private Account store(JsonNode document, URI servedBy) throws ActorNotFoundException {
        try {
            long id = remoteAccounts.upsert(toProfile.convert(document, servedBy));
            Account account = accounts.findById(id).orElseThrow();
            profileImages.cacheMissingOf(account);
            return account;
        } catch (ActorDocumentToProfile.InvalidActorException e) {
            throw new ActorNotFoundException(e.getMessage());
        }
    }
}
