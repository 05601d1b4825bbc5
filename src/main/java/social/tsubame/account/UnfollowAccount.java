package social.tsubame.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.FollowEvents.Unfollowed;
import social.tsubame.queue.DomainEvents;

/** The follower stops following, or withdraws its pending request. Doing it twice is harmless. */
@Service
public class UnfollowAccount {

    private final Follows follows;
    private final FollowRequests requests;
    private final FollowLedger ledger;
    private final DomainEvents events;

    public UnfollowAccount(Follows follows, FollowRequests requests, FollowLedger ledger, DomainEvents events) {
        this.follows = follows;
        this.requests = requests;
        this.ledger = ledger;
        this.events = events;
    }

    @Transactional
    public void unfollow(long followerId, long targetId) {
        follows.findPair(followerId, targetId).ifPresent(follow -> {
            ledger.stopFollowing(follow);
            events.publish(new Unfollowed(followerId, targetId, follow.uri()));
        });
        requests.findPair(followerId, targetId).ifPresent(request -> {
            requests.delete(request);
            events.publish(new Unfollowed(followerId, targetId, request.uri()));
        });
    }
}
