package social.tsubame.federation.web;

import java.time.Duration;

import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.InstanceActorAccount;
import social.tsubame.activitystreams.Actor;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.federation.mapping.LocalAccountToActor;

/**
 * Actor documents of local accounts, at their ids and at their profile pages' addresses ({@code /@alice}, where
 * Mastodon answers ActivityPub clients too), and of the server itself at {@code /actor}.
 */
@RestController
@Profile(Roles.FEDERATION)
class ActorController {

    private final Accounts accounts;
    private final InstanceActorAccount instanceActor;
    private final LocalAccountToActor toActor;

    ActorController(Accounts accounts, InstanceActorAccount instanceActor, LocalAccountToActor toActor) {
        this.accounts = accounts;
        this.instanceActor = instanceActor;
        this.toActor = toActor;
    }

    @ActivityPubGet({"/users/{username}", "/@{username}"})
    ResponseEntity<Actor> person(@PathVariable String username) {
        Account account = accounts.findLocal(username)
                .filter(found -> !found.username().equals(instanceActor.username()))
                .filter(found -> !found.suspended())
                .orElseThrow(ApiException::notFound);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(3)).cachePublic())
                .varyBy("Accept")
                .body(toActor.person(account));
    }

    @ActivityPubGet("/actor")
    ResponseEntity<Actor> instance() {
        return ResponseEntity.ok().varyBy("Accept").body(toActor.instanceActor(instanceActor.get()));
    }
}
