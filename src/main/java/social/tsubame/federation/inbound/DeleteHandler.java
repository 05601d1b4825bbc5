package social.tsubame.federation.inbound;

import org.springframework.stereotype.Component;

import social.tsubame.activitystreams.AsNodes;
import social.tsubame.status.DeleteStatus;
import social.tsubame.status.Statuses;

/** {@code Delete} of a post by its author: the status becomes a tombstone. Others' posts are not theirs to delete. */
@Component
class DeleteHandler implements ActivityHandler {

    private final Statuses statuses;
    private final DeleteStatus deleteStatus;

    DeleteHandler(Statuses statuses, DeleteStatus deleteStatus) {
        this.statuses = statuses;
        this.deleteStatus = deleteStatus;
    }

    @Override
    public String activityType() {
        return "Delete";
    }

    @Override
    public void handle(IncomingActivity activity) {
        AsNodes.idOf(activity.json().path("object"))
                .flatMap(statuses::findByUri)
                .filter(status -> status.accountId() == activity.actor().id())
                .ifPresent(status -> deleteStatus.delete(status.id(), activity.actor().id()));
    }
}
