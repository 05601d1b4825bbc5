package social.tsubame.federation.outbound;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.activitystreams.Activity;
import social.tsubame.federation.ActorIds;
import social.tsubame.queue.EventListener;
import social.tsubame.status.Status;
import social.tsubame.status.StatusEvents.FavouriteWithdrawn;
import social.tsubame.status.StatusEvents.StatusFavourited;
import social.tsubame.status.Statuses;

/** A local account's favourite of a remote post becomes a Like to its author's server, and its withdrawal an Undo. */
@Component
class LikeDeliveries {

    private final Accounts accounts;
    private final Statuses statuses;
    private final ActorIds actorIds;
    private final Deliveries deliveries;

    LikeDeliveries(Accounts accounts, Statuses statuses, ActorIds actorIds, Deliveries deliveries) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.actorIds = actorIds;
        this.deliveries = deliveries;
    }

    /** The Like of a local account for a remote author's status, with both ends; empty otherwise. */
    private Optional<Activity> like(long favouriteId, long accountId, long statusId, Account[] ends) {
        Optional<Account> liker = accounts.findById(accountId).filter(Account::isLocal);
        Optional<Status> status = statuses.findById(statusId);
        Optional<Account> author = status.flatMap(found -> accounts.findById(found.accountId()))
                .filter(account -> !account.isLocal());
        if (liker.isEmpty() || author.isEmpty()) {
            return Optional.empty();
        }
        ends[0] = liker.get();
        ends[1] = author.get();
        String actor = actorIds.of(liker.get());
        return Optional.of(Activity.of(actor + "#likes/" + favouriteId, "Like", actor, status.get().uri()));
    }

    @Component
    static class SendLike implements EventListener<StatusFavourited> {
        private final LikeDeliveries likes;

        SendLike(LikeDeliveries likes) {
            this.likes = likes;
        }

        @Override
        public String name() {
            return "federation.send-like";
        }

        @Override
        public Class<StatusFavourited> eventType() {
            return StatusFavourited.class;
        }

        @Override
        public void on(StatusFavourited event) {
            Account[] ends = new Account[2];
            likes.like(event.favouriteId(), event.accountId(), event.statusId(), ends).ifPresent(like ->
                    likes.deliveries.deliver(like, ends[0], List.of(ends[1].inboxUrl())));
        }
    }

    @Component
    static class SendUndoLike implements EventListener<FavouriteWithdrawn> {
        private final LikeDeliveries likes;

        SendUndoLike(LikeDeliveries likes) {
            this.likes = likes;
        }

        @Override
        public String name() {
            return "federation.send-undo-like";
        }

        @Override
        public Class<FavouriteWithdrawn> eventType() {
            return FavouriteWithdrawn.class;
        }

        @Override
        public void on(FavouriteWithdrawn event) {
            Account[] ends = new Account[2];
            likes.like(event.favouriteId(), event.accountId(), event.statusId(), ends).ifPresent(like -> {
                Activity undo = Activity.of(like.id() + "/undo", "Undo", like.actor(), like.embedded());
                likes.deliveries.deliver(undo, ends[0], List.of(ends[1].inboxUrl()));
            });
        }
    }
}
