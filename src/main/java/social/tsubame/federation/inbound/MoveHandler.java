package social.tsubame.federation.inbound;

import java.util.Arrays;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.MoveLocalRelationships;
import social.tsubame.activitystreams.AsNodes;

/**
 * {@code Move} of the sender to another account. Believed only when the target, fetched fresh from its own server
 * (or found here, when local), lists the sender among its aliases; then the sender is marked as moved (clients show
 * {@code moved}) and its local followers follow the target instead.
 */
@Component
class MoveHandler implements ActivityHandler {

    private static final Log log = LogFactory.getLog(MoveHandler.class);

    private final LocalTargets localTargets;
    private final RemoteActors remoteActors;
    private final MoveLocalRelationships moveRelationships;

    MoveHandler(LocalTargets localTargets, RemoteActors remoteActors, MoveLocalRelationships moveRelationships) {
        this.localTargets = localTargets;
        this.remoteActors = remoteActors;
        this.moveRelationships = moveRelationships;
    }

    @Override
    public String activityType() {
        return "Move";
    }

    @Override
    public void handle(IncomingActivity activity) throws Exception {
        Account mover = activity.actor();
        boolean movesItself = AsNodes.idOf(activity.json().path("object")).map(mover.uri()::equals).orElse(false);
        Optional<String> targetUri = AsNodes.idOf(activity.json().path("target"));
        if (!movesItself || targetUri.isEmpty()) {
            return;
        }
        Optional<Account> local = localTargets.byActorUri(targetUri.get());
        Account target = local.isPresent() ? local.get() : fetchTarget(targetUri.get());
        if (target == null || target.suspended() || target.id() == mover.id()
                || !Arrays.asList(target.alsoKnownAs()).contains(mover.uri())) {
            log.info("Ignored a Move of " + mover.uri() + " to " + targetUri.get()
                    + ", which is unknown, suspended or does not list it as an alias");
            return;
        }
        moveRelationships.move(mover.id(), target.id());
    }

    private Account fetchTarget(String uri) throws Exception {
        try {
            return remoteActors.fetch(uri);
        } catch (RemoteActors.ActorNotFoundException e) {
            return null;
        }
    }
}
