package social.tsubame.federation.outbound;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.ActorIds;
import social.tsubame.activitystreams.Activity;
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

    /** A Like to send, by whom, and to whose inbox. */
    private record Like(Activity activity, Account liker, Account author) {
    }

    /** The Like of a local account for a remote author's status; empty for any other favourite. */
    private Optional<Like> like(long favouriteId, long accountId, long statusId) {
        Optional<Account> liker = accounts.findById(accountId).filter(Account::isLocal);
        Optional<Status> status = statuses.findById(statusId);
        Optional<Account> author = status.flatMap(found -> accounts.findById(found.accountId()))
                .filter(account -> !account.isLocal());
        if (liker.isEmpty() || author.isEmpty()) {
            return Optional.empty();
        }
        String actor = actorIds.of(liker.get());
        return Optional.of(new Like(Activity.of(actor + "#likes/" + favouriteId, "Like", actor, status.get().uri()),
                liker.get(), author.get()));
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
            likes.like(event.favouriteId(), event.accountId(), event.statusId()).ifPresent(like ->
                    likes.deliveries.deliver(like.activity(), like.liker(), List.of(like.author().inboxUrl())));
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
            likes.like(event.favouriteId(), event.accountId(), event.statusId()).ifPresent(like -> {
                Activity undo = Activity.of(like.activity().id() + "/undo", "Undo", like.activity().actor(),
                        like.activity().embedded());
                likes.deliveries.deliver(undo, like.liker(), List.of(like.author().inboxUrl()));
            });
        }
    }
}
