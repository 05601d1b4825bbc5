package social.tsubame.notification;

import org.springframework.stereotype.Component;

import social.tsubame.notification.NotifyAccount.Notice;
import social.tsubame.queue.EventListener;
import social.tsubame.status.StatusEvents.StatusReacted;
import social.tsubame.status.Statuses;

/** Tells the local author of a status that someone reacted to it, and with which emoji. */
@Component
class NotifyReacted implements EventListener<StatusReacted> {

    private final Statuses statuses;
    private final NotifyAccount notify;

    NotifyReacted(Statuses statuses, NotifyAccount notify) {
        this.statuses = statuses;
        this.notify = notify;
    }

    @Override
    public String name() {
        return "notification.reaction";
    }

    @Override
    public Class<StatusReacted> eventType() {
        return StatusReacted.class;
    }

    @Override
    public void on(StatusReacted event) {
        statuses.findById(event.statusId()).ifPresent(status -> notify.notify(Notice.reaction(status.accountId(),
                event.accountId(), event.reactionId(), status.id(), event.emoji())));
    }
}
