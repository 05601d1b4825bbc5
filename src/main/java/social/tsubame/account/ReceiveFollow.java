package social.tsubame.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.FollowEvents.FollowRequested;
import social.tsubame.account.FollowEvents.Followed;
import social.tsubame.queue.DomainEvents;

/**
 * Another server tells us one of its accounts follows a local one. A repeated Follow (the remote side lost its state,
 * or retried) is answered again rather than ignored, so the other side learns where it stands.
 */
@Service
public class ReceiveFollow {

    private final Accounts accounts;
    private final Follows follows;
    private final FollowRequests requests;
    private final FollowLedger ledger;
    private final DomainEvents events;

    public ReceiveFollow(Accounts accounts, Follows follows, FollowRequests requests, FollowLedger ledger,
                         DomainEvents events) {
        this.accounts = accounts;
        this.follows = follows;
        this.requests = requests;
        this.ledger = ledger;
        this.events = events;
    }

    @Transactional
    public FollowState receive(long followerId, long localTargetId, String followUri) {
        Account target = accounts.findById(localTargetId).orElseThrow();
        var existing = follows.findPair(followerId, localTargetId);
        if (existing.isPresent()) {
            events.publish(new Followed(existing.get().id(), followerId, localTargetId, followUri));
            return FollowState.FOLLOWING;
        }
        var pending = requests.findPair(followerId, localTargetId);
        if (pending.isPresent()) {
            events.publish(new FollowRequested(pending.get().id(), followerId, localTargetId));
            return FollowState.REQUESTED;
        }
        if (target.locked()) {
            ledger.request(followerId, localTargetId, true, false, followUri);
            return FollowState.REQUESTED;
        }
        ledger.startFollowing(followerId, localTargetId, true, false, followUri);
        return FollowState.FOLLOWING;
    }
}
