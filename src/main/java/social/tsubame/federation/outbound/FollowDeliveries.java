package social.tsubame.federation.outbound;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.FollowRequests;
import social.tsubame.account.FollowEvents.FollowRejected;
import social.tsubame.account.FollowEvents.FollowRequested;
import social.tsubame.account.FollowEvents.Followed;
import social.tsubame.account.FollowEvents.Unfollowed;
import social.tsubame.activitystreams.Activity;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.EventListener;

/**
 * Tells other servers about follows that cross to them. Each event has its own listener, so each is retried alone;
 * events between two local accounts send nothing.
 */
@Component
class FollowDeliveries {

    private final Accounts accounts;
    private final FollowRequests requests;
    private final FollowActivities activities;
    private final Deliveries deliveries;
    private final TimeOrderedIds ids;

    FollowDeliveries(Accounts accounts, FollowRequests requests, FollowActivities activities, Deliveries deliveries,
                     TimeOrderedIds ids) {
        this.accounts = accounts;
        this.requests = requests;
        this.activities = activities;
        this.deliveries = deliveries;
        this.ids = ids;
    }

    /** Both ends, when the follower is local and the target remote. */
    private Optional<Account[]> outgoing(long followerId, long targetId) {
        return pair(followerId, targetId).filter(pair -> pair[0].isLocal() && !pair[1].isLocal());
    }

    /** Both ends, when the follower is remote and the target local. */
    private Optional<Account[]> incoming(long followerId, long targetId) {
        return pair(followerId, targetId).filter(pair -> !pair[0].isLocal() && pair[1].isLocal());
    }

    private Optional<Account[]> pair(long followerId, long targetId) {
        Optional<Account> follower = accounts.findById(followerId);
        Optional<Account> target = accounts.findById(targetId);
        return follower.isPresent() && target.isPresent()
                ? Optional.of(new Account[] {follower.get(), target.get()}) : Optional.empty();
    }

    /** A direct reply to one actor goes to its own inbox: a shared inbox would not know whom it is for. */
    private void sendTo(Account recipient, Activity activity, Account signer) {
        deliveries.deliver(activity, signer, List.of(recipient.inboxUrl()));
    }

    @Component
    static class SendFollow implements EventListener<FollowRequested> {
        private final FollowDeliveries follows;

        SendFollow(FollowDeliveries follows) {
            this.follows = follows;
        }

        @Override
        public String name() {
            return "federation.send-follow";
        }

        @Override
        public Class<FollowRequested> eventType() {
            return FollowRequested.class;
        }

        @Override
        public void on(FollowRequested event) {
            follows.outgoing(event.followerId(), event.targetId()).ifPresent(pair -> follows.requests
                    .findById(event.followRequestId())
                    .ifPresent(request -> follows.sendTo(pair[1],
                            follows.activities.follow(pair[0], pair[1], request.uri()), pair[0])));
        }
    }

    @Component
    static class SendAccept implements EventListener<Followed> {
        private final FollowDeliveries follows;

        SendAccept(FollowDeliveries follows) {
            this.follows = follows;
        }

        @Override
        public String name() {
            return "federation.send-accept";
        }

        @Override
        public Class<Followed> eventType() {
            return Followed.class;
        }

        @Override
        public void on(Followed event) {
            follows.incoming(event.followerId(), event.targetId()).ifPresent(pair -> {
                Activity follow = follows.activities.receivedFollow(event.followUri(), pair[0], pair[1]);
                follows.sendTo(pair[0], follows.activities.accept(pair[1], follow, event.followId()), pair[1]);
            });
        }
    }

    @Component
    static class SendReject implements EventListener<FollowRejected> {
        private final FollowDeliveries follows;

        SendReject(FollowDeliveries follows) {
            this.follows = follows;
        }

        @Override
        public String name() {
            return "federation.send-reject";
        }

        @Override
        public Class<FollowRejected> eventType() {
            return FollowRejected.class;
        }

        @Override
        public void on(FollowRejected event) {
            follows.incoming(event.followerId(), event.targetId()).ifPresent(pair -> {
                Activity follow = follows.activities.receivedFollow(event.followUri(), pair[0], pair[1]);
                follows.sendTo(pair[0], follows.activities.reject(pair[1], follow, follows.ids.next()), pair[1]);
            });
        }
    }

    @Component
    static class SendUndoFollow implements EventListener<Unfollowed> {
        private final FollowDeliveries follows;

        SendUndoFollow(FollowDeliveries follows) {
            this.follows = follows;
        }

        @Override
        public String name() {
            return "federation.send-undo-follow";
        }

        @Override
        public Class<Unfollowed> eventType() {
            return Unfollowed.class;
        }

        @Override
        public void on(Unfollowed event) {
            follows.outgoing(event.followerId(), event.targetId()).ifPresent(pair -> {
                // Follows from before ids were kept get a fresh one: servers that match on actor and object still
                // find them.
                String followUri = event.followUri() != null ? event.followUri()
                        : follows.activities.freshFollowUri(pair[0], follows.ids.next());
                Activity follow = follows.activities.receivedFollow(followUri, pair[0], pair[1]);
                follows.sendTo(pair[1], follows.activities.undo(pair[0], follow, follows.ids.next()), pair[0]);
            });
        }
    }
}
