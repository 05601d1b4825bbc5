package social.tsubame.federation.inbound;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.ReceiveBlock;
import social.tsubame.account.UnfollowAccount;
import social.tsubame.activitystreams.AsNodes;
import social.tsubame.status.FavouriteStatus;
import social.tsubame.status.ReactToStatus;
import social.tsubame.status.ReceiveRemoteReblog;
import tools.jackson.databind.JsonNode;

/**
 * {@code Undo} of something the sender did: a Follow, Like, EmojiReact, Announce or Block. Only what the sender
 * itself did can be undone, so the undone activity's actor, when given, must be the sender, and likes, reactions,
 * boosts and blocks are looked up among the sender's own.
 */
@Component
class UndoHandler implements ActivityHandler {

    private final LocalTargets targets;
    private final UnfollowAccount unfollow;
    private final FavouriteStatus favourites;
    private final ReactToStatus reactions;
    private final ReceiveRemoteReblog reblogs;
    private final ReceiveBlock blocks;

    UndoHandler(LocalTargets targets, UnfollowAccount unfollow, FavouriteStatus favourites, ReactToStatus reactions,
                ReceiveRemoteReblog reblogs, ReceiveBlock blocks) {
        this.targets = targets;
        this.unfollow = unfollow;
        this.favourites = favourites;
        this.reactions = reactions;
        this.reblogs = reblogs;
        this.blocks = blocks;
    }

    @Override
    public String activityType() {
        return "Undo";
    }

    @Override
    public void handle(IncomingActivity activity) {
        JsonNode undone = activity.json().path("object");
        Optional<String> undoneActor = AsNodes.idOf(undone.path("actor"));
        if (undoneActor.isPresent() && !undoneActor.get().equals(activity.actor().uri())) {
            return;
        }
        long actorId = activity.actor().id();
        if (undone.isObject() && AsNodes.hasType(undone, "Follow")) {
            AsNodes.idOf(undone.path("object")).flatMap(targets::byActorUri)
                    .ifPresent(target -> unfollow.unfollow(actorId, target.id()));
            return;
        }
        if (undone.isObject() && AsNodes.hasType(undone, "Block")) {
            AsNodes.idOf(undone.path("object")).flatMap(targets::byActorUri)
                    .ifPresent(target -> blocks.unblock(actorId, target.id()));
            return;
        }
        // Likes, reactions, boosts and blocks are named by their activity id; which kind it was need not be known.
        AsNodes.idOf(undone).ifPresent(uri -> {
            if (!favourites.unfavouriteByUri(actorId, uri) && !reactions.unreactByUri(actorId, uri)
                    && !blocks.unblockByUri(actorId, uri)) {
                reblogs.undo(actorId, uri);
            }
        });
    }
}
