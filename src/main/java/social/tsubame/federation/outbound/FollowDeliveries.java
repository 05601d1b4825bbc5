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

    private record Ends(Account follower, Account target) {
    }

    /** Both ends, when the follower is local and the target remote. */
    private Optional<Ends> outgoing(long followerId, long targetId) {
        return pair(followerId, targetId).filter(pair -> pair.follower().isLocal() && !pair.target().isLocal());
    }

    /** Both ends, when the follower is remote and the target local. */
    private Optional<Ends> incoming(long followerId, long targetId) {
        return pair(followerId, targetId).filter(pair -> !pair.follower().isLocal() && pair.target().isLocal());
    }

    private Optional<Ends> pair(long followerId, long targetId) {
        Optional<Account> follower = accounts.findById(followerId);
        Optional<Account> target = accounts.findById(targetId);
        return follower.isPresent() && target.isPresent()
                ? Optional.of(new Ends(follower.get(), target.get())) : Optional.empty();
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
                    .ifPresent(request -> follows.sendTo(pair.target(),
                            follows.activities.follow(pair.follower(), pair.target(), request.uri()), pair.follower())));
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
                Activity follow = follows.activities.receivedFollow(event.followUri(), pair.follower(), pair.target());
                follows.sendTo(pair.follower(), follows.activities.accept(pair.target(), follow, event.followId()), pair.target());
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
                Activity follow = follows.activities.receivedFollow(event.followUri(), pair.follower(), pair.target());
                follows.sendTo(pair.follower(), follows.activities.reject(pair.target(), follow, follows.ids.next()), pair.target());
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
                        : follows.activities.freshFollowUri(pair.follower(), follows.ids.next());
                Activity follow = follows.activities.receivedFollow(followUri, pair.follower(), pair.target());
                follows.sendTo(pair.target(), follows.activities.undo(pair.follower(), follow, follows.ids.next()), pair.follower());
            });
        }
    }
}
