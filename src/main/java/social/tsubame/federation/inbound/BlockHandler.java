package social.tsubame.federation.inbound;

import org.springframework.stereotype.Component;

import social.tsubame.account.ReceiveBlock;
import social.tsubame.activitystreams.AsNodes;

/** {@code Block} of a local account by the sender: follows between them end both ways. */
@Component
class BlockHandler implements ActivityHandler {

    private final LocalTargets targets;
    private final ReceiveBlock receiveBlock;

    BlockHandler(LocalTargets targets, ReceiveBlock receiveBlock) {
        this.targets = targets;
        this.receiveBlock = receiveBlock;
    }

    @Override
    public String activityType() {
        return "Block";
    }

    @Override
    public void handle(IncomingActivity activity) {
        AsNodes.idOf(activity.json().path("object")).flatMap(targets::byActorUri)
                .ifPresent(target -> receiveBlock.block(activity.actor().id(), target.id(),
                        AsNodes.text(activity.json(), "id").orElse(null)));
    }
}
