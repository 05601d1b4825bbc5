package social.tsubame.federation.outbound;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.activitystreams.Activity;
import social.tsubame.federation.Uris;

/** Builds the activities of the follow protocol: Follow, and the Accept, Reject and Undo that refer to one. */
@Component
public class FollowActivities {

    private final Uris uris;

    public FollowActivities(Uris uris) {
        this.uris = uris;
    }

    /** A Follow we send; its id is ours, derived from the request it stands for. */
    public Activity follow(Account follower, Account target, long followRequestId) {
        String actor = uris.actorOf(follower);
        return Activity.of(actor + "#follows/" + followRequestId, "Follow", actor, uris.actorOf(target));
    }

    /** The Follow as the follower sent it: its own id when we know it. */
    public Activity receivedFollow(String followUri, Account follower, Account target) {
        String actor = uris.actorOf(follower);
        return new Activity(null, followUri, "Follow", actor, uris.actorOf(target), null, null, null);
    }

    public Activity accept(Account target, Activity follow, long followId) {
        String actor = uris.actorOf(target);
        return Activity.of(actor + "#accepts/follows/" + followId, "Accept", actor, follow.embedded());
    }

    public Activity reject(Account target, Activity follow, long nonce) {
        String actor = uris.actorOf(target);
        return Activity.of(actor + "#rejects/follows/" + nonce, "Reject", actor, follow.embedded());
    }

    public Activity undo(Account follower, Activity follow, long nonce) {
        String actor = uris.actorOf(follower);
        return Activity.of(actor + "#follows/" + nonce + "/undo", "Undo", actor, follow.embedded());
    }
}
