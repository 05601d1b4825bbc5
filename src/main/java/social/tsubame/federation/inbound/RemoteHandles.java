package social.tsubame.federation.inbound;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.core.ServerIdentity;
import social.tsubame.federation.DomainPolicy;
import social.tsubame.federation.http.FederationHttpClient;
import social.tsubame.federation.http.ForbiddenAddressException;
import social.tsubame.federation.http.RemoteResponse;
import social.tsubame.federation.http.RequestSigner;
import social.tsubame.federation.mapping.ActorDocumentToProfile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remote accounts by their handles, {@code alice@example.social}: known ones from the database, others found with
 * WebFinger (RFC 7033) on the handle's domain and fetched. A domain vouches only for actors on itself, unless the
 * actor's own domain names the same actor for its handle there (handles on example.com, actors on
 * social.example.com).
 */
@Component
public class RemoteHandles {

    private static final String JRD_ACCEPT = "application/jrd+json, application/json";

    private final Accounts accounts;
    private final RemoteActors remoteActors;
    private final FederationHttpClient http;
    private final DomainPolicy domains;
    private final FetchSlots slots;
    private final JsonMapper json;
    private final Set<String> ownDomains;
    private final String scheme;

    RemoteHandles(Accounts accounts, RemoteActors remoteActors, FederationHttpClient http, DomainPolicy domains,
                  FetchSlots slots, JsonMapper json, ServerIdentity identity) {
        this.accounts = accounts;
        this.remoteActors = remoteActors;
        this.http = http;
        this.domains = domains;
        this.slots = slots;
        this.json = json;
        this.ownDomains = Stream.of(identity.localDomain(), identity.webDomain())
                .map(domain -> domain.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        // A server on plain http is one in development or in a test, and so are the peers it talks to.
        this.scheme = identity.https() ? "https" : "http";
    }

    /**
     * The account of {@code username@domain}, looked up remotely when not known; empty when the domain does not know
     * it, is refused, or is this server's own.
     *
     * @throws IOException when the domain or the actor's server could not be reached
     */
    public Optional<Account> resolve(String username, String domain) throws IOException {
        String host = domain.toLowerCase(Locale.ROOT);
        if (ownDomains.contains(host) || domains.refuses(host)) {
            return Optional.empty();
        }
        Optional<Account> known = accounts.findRemote(username, host);
        if (known.isPresent()) {
            return known;
        }
        Optional<String> actorUri = actorOf(username, host);
        if (actorUri.isEmpty()) {
            return Optional.empty();
        }
        try {
            Account account = remoteActors.resolve(actorUri.get());
            return confirmed(account, host) ? Optional.of(account) : Optional.empty();
        } catch (RemoteActors.ActorNotFoundException e) {
            return Optional.empty();
        }
    }

    private boolean confirmed(Account account, String host) throws IOException {
        if (account.domain() == null) {
            return false;
        }
        return host.equals(account.domain())
                || actorOf(account.username(), account.domain()).filter(account.uri()::equals).isPresent();
    }

    /** The actor id that WebFinger on {@code host} gives for the handle, as its {@code self} link. */
    private Optional<String> actorOf(String username, String host) throws IOException {
        URI query;
        try {
            query = URI.create(scheme + "://" + host + "/.well-known/webfinger?resource="
                    + URLEncoder.encode("acct:" + username + "@" + host, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        RemoteResponse response;
        try {
            response = slots.run(host, () -> http.fetch(query, JRD_ACCEPT, RequestSigner.NONE));
        } catch (ForbiddenAddressException e) {
            return Optional.empty();
        }
        if (!response.isSuccessful()) {
            return Optional.empty();
        }
        JsonNode links;
        try {
            links = json.readTree(response.body()).path("links");
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (!links.isArray()) {
            return Optional.empty();
        }
        return links.valueStream()
                .filter(link -> "self".equals(link.path("rel").asString("")))
                .filter(link -> isActivityJson(link.path("type").asString("")))
                .map(link -> link.path("href").asString(""))
                .filter(this::isRemoteActorId)
                .findFirst();
    }

    /** Whether {@code href} may be fetched as a remote actor: a web address, and not one of this server's. */
    private boolean isRemoteActorId(String href) {
        try {
            URI uri = URI.create(href);
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return web && uri.getHost() != null && !ownDomains.contains(ActorDocumentToProfile.hostOf(uri));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isActivityJson(String type) {
        return type.startsWith("application/activity+json") || type.startsWith("application/ld+json");
    }
}
