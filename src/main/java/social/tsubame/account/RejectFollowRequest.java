package social.tsubame.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.FollowEvents.FollowRejected;
import social.tsubame.queue.DomainEvents;

/**
 * The target refuses a follow: a pending request, or (when a remote server rejects a follow it had accepted) an
 * existing follow.
 */
@Service
public class RejectFollowRequest {

    private final FollowRequests requests;
    private final Follows follows;
    private final FollowLedger ledger;
    private final DomainEvents events;

    public RejectFollowRequest(FollowRequests requests, Follows follows, FollowLedger ledger, DomainEvents events) {
        this.requests = requests;
        this.follows = follows;
        this.ledger = ledger;
        this.events = events;
    }

    @Transactional
    public void reject(long targetId, long followerId) {
        requests.findPair(followerId, targetId).ifPresent(request -> {
            requests.delete(request);
            events.publish(new FollowRejected(followerId, targetId, request.uri()));
        });
        follows.findPair(followerId, targetId).ifPresent(follow -> {
            ledger.stopFollowing(follow);
            events.publish(new FollowRejected(followerId, targetId, follow.uri()));
        });
    }
}
