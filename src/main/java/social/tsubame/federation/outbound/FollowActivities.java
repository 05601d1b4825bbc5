package social.tsubame.federation.outbound;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.ActorIds;
import social.tsubame.activitystreams.Activity;

/** Builds the activities of the follow protocol: Follow, and the Accept, Reject and Undo that refer to one. */
@Component
public class FollowActivities {

    private final ActorIds actorIds;

    public FollowActivities(ActorIds actorIds) {
        this.actorIds = actorIds;
    }

    /** A Follow we send, under the id its request keeps. */
    public Activity follow(Account follower, Account target, String followUri) {
        String actor = actorIds.of(follower);
        return Activity.of(followUri, "Follow", actor, actorIds.of(target));
    }

    /** An id for a Follow of a local account whose own id was not kept. */
    public String freshFollowUri(Account follower, long nonce) {
        return actorIds.of(follower) + "#follows/" + nonce;
    }

    /** The Follow as the follower sent it, under its own id. */
    public Activity receivedFollow(String followUri, Account follower, Account target) {
        String actor = actorIds.of(follower);
        return new Activity(null, followUri, "Follow", actor, actorIds.of(target), null, null, null);
    }

    public Activity accept(Account target, Activity follow, long followId) {
        String actor = actorIds.of(target);
        return Activity.of(actor + "#accepts/follows/" + followId, "Accept", actor, follow.embedded());
    }

    public Activity reject(Account target, Activity follow, long nonce) {
        String actor = actorIds.of(target);
        return Activity.of(actor + "#rejects/follows/" + nonce, "Reject", actor, follow.embedded());
    }

    public Activity undo(Account follower, Activity follow, long nonce) {
        String actor = actorIds.of(follower);
        return Activity.of(actor + "#follows/" + nonce + "/undo", "Undo", actor, follow.embedded());
    }
}
