package social.tsubame.account;

/** What happens between a follower and the account it follows, for the modules that react to it. */
public final class FollowEvents {

    private FollowEvents() {
    }

    /** A follow waits for the target's approval: a locked local account, or any remote one. */
    public record FollowRequested(long followRequestId, long followerId, long targetId) {
    }

    /**
     * The follower now follows the target.
     *
     * @param followUri the id of the Follow activity, when a remote server sent it
     */
    public record Followed(long followId, long followerId, long targetId, String followUri) {
    }

    /** The target refused a follow request, or removed a follower. */
    public record FollowRejected(long followerId, long targetId, String followUri) {
    }

    /** The follower stopped following, or withdrew its request. */
    public record Unfollowed(long followerId, long targetId, String followUri) {
    }
}
