package social.tsubame.federation.outbound;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.ActorIds;
import social.tsubame.account.BlockEvents.AccountBlocked;
import social.tsubame.account.BlockEvents.AccountUnblocked;
import social.tsubame.activitystreams.Activity;
import social.tsubame.queue.EventListener;

/** A local account's block of a remote one goes to that account's server as Block, and its end as Undo. */
@Component
class BlockDeliveries {

    private final Accounts accounts;
    private final ActorIds actorIds;
    private final Deliveries deliveries;

    BlockDeliveries(Accounts accounts, ActorIds actorIds, Deliveries deliveries) {
        this.accounts = accounts;
        this.actorIds = actorIds;
        this.deliveries = deliveries;
    }

    private void send(long blockId, long accountId, long targetId, boolean undo) {
        Optional<Account> blocker = accounts.findById(accountId).filter(Account::isLocal);
        Optional<Account> target = accounts.findById(targetId).filter(account -> !account.isLocal());
        if (blocker.isEmpty() || target.isEmpty()) {
            return;
        }
        String actor = actorIds.of(blocker.get());
        Activity block = Activity.of(actor + "#blocks/" + blockId, "Block", actor, actorIds.of(target.get()));
        Activity activity = undo ? Activity.of(block.id() + "/undo", "Undo", actor, block.embedded()) : block;
        deliveries.deliver(activity, blocker.get(), List.of(target.get().inboxUrl()));
    }

    @Component
    static class SendBlock implements EventListener<AccountBlocked> {
        private final BlockDeliveries blocks;

        SendBlock(BlockDeliveries blocks) {
            this.blocks = blocks;
        }

        @Override
        public String name() {
            return "federation.send-block";
        }

        @Override
        public Class<AccountBlocked> eventType() {
            return AccountBlocked.class;
        }

        @Override
        public void on(AccountBlocked event) {
            blocks.send(event.blockId(), event.accountId(), event.targetId(), false);
        }
    }

    @Component
    static class SendUndoBlock implements EventListener<AccountUnblocked> {
        private final BlockDeliveries blocks;

        SendUndoBlock(BlockDeliveries blocks) {
            this.blocks = blocks;
        }

        @Override
        public String name() {
            return "federation.send-undo-block";
        }

        @Override
        public Class<AccountUnblocked> eventType() {
            return AccountUnblocked.class;
        }

        @Override
        public void on(AccountUnblocked event) {
            blocks.send(event.blockId(), event.accountId(), event.targetId(), true);
        }
    }
}
