package social.tsubame.notification;

import org.springframework.stereotype.Component;

import social.tsubame.notification.NotifyAccount.Notice;
import social.tsubame.queue.EventListener;
import social.tsubame.status.StatusEvents.StatusFavourited;
import social.tsubame.status.Statuses;

/** Tells the local author of a status that someone favourited it. */
@Component
class NotifyFavourited implements EventListener<StatusFavourited> {

    private final Statuses statuses;
    private final NotifyAccount notify;

    NotifyFavourited(Statuses statuses, NotifyAccount notify) {
        this.statuses = statuses;
        this.notify = notify;
    }

    @Override
    public String name() {
        return "notification.favourite";
    }

    @Override
    public Class<StatusFavourited> eventType() {
        return StatusFavourited.class;
    }

    @Override
    public void on(StatusFavourited event) {
        statuses.findById(event.statusId()).ifPresent(status -> notify.notify(Notice.about(status.accountId(),
                event.accountId(), NotificationType.FAVOURITE, event.favouriteId(), status.id())));
    }
}
