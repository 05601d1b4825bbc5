package social.tsubame.federation.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.InstanceActorAccount;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.core.ServerIdentity;
import social.tsubame.core.Uris;

/** WebFinger (RFC 7033): how other servers turn {@code @alice@example.social} into an actor URI. */
@RestController
@Profile(Roles.FEDERATION)
class WebFingerController {

    static final MediaType JRD = MediaType.parseMediaType("application/jrd+json");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Link(String rel, String type, String href, String template) {
    }

    record Resource(String subject, List<String> aliases, List<Link> links) {
    }

    private final Accounts accounts;
    private final InstanceActorAccount instanceActor;
    private final ServerIdentity identity;
    private final Uris uris;

    WebFingerController(Accounts accounts, InstanceActorAccount instanceActor, ServerIdentity identity, Uris uris) {
        this.accounts = accounts;
        this.instanceActor = instanceActor;
        this.identity = identity;
        this.uris = uris;
    }

    @GetMapping("/.well-known/webfinger")
    ResponseEntity<Resource> webfinger(@RequestParam(required = false) String resource) {
        if (resource == null || resource.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The resource parameter is required");
        }
        String username = usernameOf(resource.trim()).orElseThrow(ApiException::notFound);
        Account account = accounts.findLocal(username).filter(found -> !found.suspended())
                .orElseThrow(ApiException::notFound);
        return ResponseEntity.ok()
                .contentType(JRD)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(3)).cachePublic())
                .body(describe(account));
    }

    private Resource describe(Account account) {
        boolean isInstance = account.username().equals(instanceActor.username());
        String actor = isInstance ? uris.instanceActor() : uris.actor(account.username());
        String profile = isInstance ? uris.base() + "/about" : uris.profile(account.username());
        return new Resource(
                "acct:" + account.username() + "@" + identity.localDomain(),
                List.of(actor, profile),
                List.of(
                        new Link("http://webfinger.net/rel/profile-page", "text/html", profile, null),
                        new Link("self", ActivityPubMediaTypes.ACTIVITY_JSON, actor, null),
                        new Link("http://ostatus.org/schema/1.0/subscribe", null, null,
                                uris.base() + "/authorize_interaction?uri={uri}")));
    }

    /** The local username a resource names: {@code acct:alice@domain}, the actor URI or the profile URL. */
    private Optional<String> usernameOf(String resource) {
        if (resource.regionMatches(true, 0, "acct:", 0, 5)) {
            String acct = resource.substring(5);
            if (acct.startsWith("@")) {
                acct = acct.substring(1);
            }
            int at = acct.lastIndexOf('@');
            if (at <= 0) {
                return Optional.empty();
            }
            String domain = acct.substring(at + 1).toLowerCase(Locale.ROOT);
            boolean ours = domain.equals(identity.localDomain().toLowerCase(Locale.ROOT))
                    || domain.equals(identity.webDomain().toLowerCase(Locale.ROOT));
            return ours ? Optional.of(acct.substring(0, at)) : Optional.empty();
        }
        if (resource.equals(uris.instanceActor())) {
            return Optional.of(instanceActor.username());
        }
        Optional<String> fromActor = uris.localUsername(resource);
        if (fromActor.isPresent()) {
            return fromActor;
        }
        String profilePrefix = uris.base() + "/@";
        return resource.startsWith(profilePrefix) ? Optional.of(resource.substring(profilePrefix.length()))
                : Optional.empty();
    }
}
