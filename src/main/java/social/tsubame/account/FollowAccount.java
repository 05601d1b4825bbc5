package social.tsubame.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/**
 * A local account follows another. Remote accounts and locked local ones must approve first; the follow then waits
 * as a request.
 */
@Service
public class FollowAccount {

    private final Accounts accounts;
    private final Follows follows;
    private final FollowRequests requests;
    private final FollowLedger ledger;

    public FollowAccount(Accounts accounts, Follows follows, FollowRequests requests, FollowLedger ledger) {
        this.accounts = accounts;
        this.follows = follows;
        this.requests = requests;
        this.ledger = ledger;
    }

    @Transactional
    public FollowState follow(long followerId, long targetId, boolean showReblogs, boolean notify) {
        if (followerId == targetId) {
            throw ApiException.unprocessable("You cannot follow yourself");
        }
        Account target = accounts.findById(targetId).filter(found -> !found.suspended())
                .orElseThrow(ApiException::notFound);
        if (follows.findPair(followerId, targetId).isPresent()) {
            return FollowState.FOLLOWING;
        }
        if (requests.findPair(followerId, targetId).isPresent()) {
            return FollowState.REQUESTED;
        }
        if (!target.isLocal() || target.locked()) {
            ledger.request(followerId, targetId, showReblogs, notify, null);
            return FollowState.REQUESTED;
        }
        ledger.startFollowing(followerId, targetId, showReblogs, notify, null);
        return FollowState.FOLLOWING;
    }
}
