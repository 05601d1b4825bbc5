package social.tsubame.federation.inbound;

import org.springframework.stereotype.Component;

import social.tsubame.account.ReceiveFollow;
import social.tsubame.activitystreams.AsNodes;

/**
 * {@code Follow} of a local account: recorded, and answered with Accept (or left pending when the account is locked).
 */
@Component
class FollowHandler implements ActivityHandler {

    private final LocalTargets targets;
    private final ReceiveFollow receiveFollow;

    FollowHandler(LocalTargets targets, ReceiveFollow receiveFollow) {
        this.targets = targets;
        this.receiveFollow = receiveFollow;
    }

    @Override
    public String activityType() {
        return "Follow";
    }

    @Override
    public void handle(IncomingActivity activity) {
        AsNodes.idOf(activity.json().path("object"))
                .flatMap(targets::byActorUri)
                .ifPresent(target -> receiveFollow.receive(activity.actor().id(), target.id(),
                        AsNodes.text(activity.json(), "id").orElse(null)));
    }
}
