package social.tsubame.federation.inbound;

import org.springframework.stereotype.Component;

import social.tsubame.account.UnfollowAccount;
import social.tsubame.activitystreams.AsNodes;
import tools.jackson.databind.JsonNode;

/**
 * {@code Undo} of something the sender did. Only what the sender itself did can be undone: the undone activity's
 * actor must be the sender. Undo of a Follow so far; likes, boosts and blocks come with the features they undo.
 */
@Component
class UndoHandler implements ActivityHandler {

    private final LocalTargets targets;
    private final UnfollowAccount unfollow;

    UndoHandler(LocalTargets targets, UnfollowAccount unfollow) {
        this.targets = targets;
        this.unfollow = unfollow;
    }

    @Override
    public String activityType() {
        return "Undo";
    }

    @Override
    public void handle(IncomingActivity activity) {
        JsonNode undone = activity.json().path("object");
        if (!undone.isObject() || !AsNodes.hasType(undone, "Follow")) {
            return;
        }
        boolean ownFollow = AsNodes.idOf(undone.path("actor")).map(activity.actor().uri()::equals).orElse(false);
        if (!ownFollow) {
            return;
        }
        AsNodes.idOf(undone.path("object")).flatMap(targets::byActorUri)
                .ifPresent(target -> unfollow.unfollow(activity.actor().id(), target.id()));
    }
}
