package social.tsubame.federation.outbound;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.ActorIds;
import social.tsubame.activitystreams.Activity;
import social.tsubame.activitystreams.EmojiReact;
import social.tsubame.queue.EventListener;
import social.tsubame.status.Status;
import social.tsubame.status.StatusEvents.ReactionWithdrawn;
import social.tsubame.status.StatusEvents.StatusReacted;
import social.tsubame.status.Statuses;

/**
 * A local account's emoji reaction to a remote post becomes an EmojiReact to its author's server (Pleroma's and
 * Akkoma's activity; Misskey takes it too), and its withdrawal an Undo.
 */
@Component
class ReactionDeliveries {

    private final Accounts accounts;
    private final Statuses statuses;
    private final ActorIds actorIds;
    private final Deliveries deliveries;

    ReactionDeliveries(Accounts accounts, Statuses statuses, ActorIds actorIds, Deliveries deliveries) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.actorIds = actorIds;
        this.deliveries = deliveries;
    }

    private record Reaction(EmojiReact activity, Account reactor, Account author) {
    }

    /** The EmojiReact of a local account for a remote author's status; empty for any other reaction. */
    private Optional<Reaction> reaction(long reactionId, long accountId, long statusId, String emoji) {
        Optional<Account> reactor = accounts.findById(accountId).filter(Account::isLocal);
        Optional<Status> status = statuses.findById(statusId);
        Optional<Account> author = status.flatMap(found -> accounts.findById(found.accountId()))
                .filter(account -> !account.isLocal());
        if (reactor.isEmpty() || author.isEmpty()) {
            return Optional.empty();
        }
        String actor = actorIds.of(reactor.get());
        return Optional.of(new Reaction(EmojiReact.of(actor + "#reactions/" + reactionId, actor,
                status.get().uri(), emoji), reactor.get(), author.get()));
    }

    @Component
    static class SendReaction implements EventListener<StatusReacted> {
        private final ReactionDeliveries reactions;

        SendReaction(ReactionDeliveries reactions) {
            this.reactions = reactions;
        }

        @Override
        public String name() {
            return "federation.send-reaction";
        }

        @Override
        public Class<StatusReacted> eventType() {
            return StatusReacted.class;
        }

        @Override
        public void on(StatusReacted event) {
            reactions.reaction(event.reactionId(), event.accountId(), event.statusId(), event.emoji())
                    .ifPresent(reaction -> reactions.deliveries.deliver(reaction.activity(), reaction.reactor(),
                            List.of(reaction.author().inboxUrl())));
        }
    }

    @Component
    static class SendUndoReaction implements EventListener<ReactionWithdrawn> {
        private final ReactionDeliveries reactions;

        SendUndoReaction(ReactionDeliveries reactions) {
            this.reactions = reactions;
        }

        @Override
        public String name() {
            return "federation.send-undo-reaction";
        }

        @Override
        public Class<ReactionWithdrawn> eventType() {
            return ReactionWithdrawn.class;
        }

        @Override
        public void on(ReactionWithdrawn event) {
            reactions.reaction(event.reactionId(), event.accountId(), event.statusId(), event.emoji())
                    .ifPresent(reaction -> {
                        EmojiReact react = reaction.activity();
                        Activity undo = Activity.of(react.id() + "/undo", "Undo", react.actor(), react.embedded());
                        reactions.deliveries.deliver(undo, reaction.reactor(), List.of(reaction.author().inboxUrl()));
                    });
        }
    }
}
