package social.tsubame.notification;

import org.springframework.stereotype.Component;

import social.tsubame.account.FollowEvents.FollowRequested;
import social.tsubame.notification.NotifyAccount.Notice;
import social.tsubame.queue.EventListener;

/** Tells a local account that someone asks to follow it. */
@Component
class NotifyFollowRequested implements EventListener<FollowRequested> {

    private final NotifyAccount notify;

    NotifyFollowRequested(NotifyAccount notify) {
        this.notify = notify;
    }

    @Override
    public String name() {
        return "notification.follow-request";
    }

    @Override
    public Class<FollowRequested> eventType() {
        return FollowRequested.class;
    }

    @Override
    public void on(FollowRequested event) {
        notify.notify(Notice.about(event.targetId(), event.followerId(), NotificationType.FOLLOW_REQUEST,
                event.followRequestId(), null));
    }
}
