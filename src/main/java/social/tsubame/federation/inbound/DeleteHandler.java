package social.tsubame.federation.inbound;

import org.springframework.stereotype.Component;

import social.tsubame.account.ReceiveAccountDeletion;
import social.tsubame.activitystreams.AsNodes;
import social.tsubame.status.DeleteStatus;
import social.tsubame.status.Statuses;

/**
 * {@code Delete} of a post by its author (the status becomes a tombstone) or of the sender itself (its account is
 * gone, with its posts and relationships). Others' posts are not theirs to delete.
 */
@Component
class DeleteHandler implements ActivityHandler {

    private final Statuses statuses;
    private final DeleteStatus deleteStatus;
    private final ReceiveAccountDeletion accountDeletion;

    DeleteHandler(Statuses statuses, DeleteStatus deleteStatus, ReceiveAccountDeletion accountDeletion) {
        this.statuses = statuses;
        this.deleteStatus = deleteStatus;
        this.accountDeletion = accountDeletion;
    }

    @Override
    public String activityType() {
        return "Delete";
    }

    @Override
    public void handle(IncomingActivity activity) {
        if (AsNodes.idOf(activity.json().path("object")).map(activity.actor().uri()::equals).orElse(false)) {
            accountDeletion.receive(activity.actor().id());
            return;
        }
        AsNodes.idOf(activity.json().path("object"))
                .flatMap(statuses::findByUri)
                .filter(status -> status.accountId() == activity.actor().id())
                .ifPresent(status -> deleteStatus.delete(status.id(), activity.actor().id()));
    }
}
