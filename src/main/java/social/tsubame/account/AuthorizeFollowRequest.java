package social.tsubame.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The target of a follow request approves it: a local user approving a request, or a remote server accepting ours.
 * Approving a request that is gone (already approved) changes nothing.
 */
@Service
public class AuthorizeFollowRequest {

    private final FollowRequests requests;
    private final Follows follows;
    private final FollowLedger ledger;

    public AuthorizeFollowRequest(FollowRequests requests, Follows follows, FollowLedger ledger) {
        this.requests = requests;
        this.follows = follows;
        this.ledger = ledger;
    }

    @Transactional
    public FollowState authorize(long targetId, long followerId) {
        var request = requests.findPair(followerId, targetId);
        if (request.isEmpty()) {
            return follows.findPair(followerId, targetId).isPresent() ? FollowState.FOLLOWING : FollowState.NONE;
        }
        FollowRequest approved = request.get();
        requests.delete(approved);
        requests.flush();
        ledger.startFollowing(followerId, targetId, approved.showReblogs(), approved.notifies(), approved.uri());
        return FollowState.FOLLOWING;
    }
}
