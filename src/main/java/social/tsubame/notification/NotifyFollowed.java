package social.tsubame.notification;

import org.springframework.stereotype.Component;

import social.tsubame.account.Accounts;
import social.tsubame.account.FollowEvents.Followed;
import social.tsubame.notification.NotifyAccount.Notice;
import social.tsubame.queue.EventListener;

/**
 * Tells a local account that someone follows it. A locked account approved each of its followers itself, having been
 * told of the request: it hears nothing more, as on Mastodon.
 */
@Component
class NotifyFollowed implements EventListener<Followed> {

    private final Accounts accounts;
    private final NotifyAccount notify;

    NotifyFollowed(Accounts accounts, NotifyAccount notify) {
        this.accounts = accounts;
        this.notify = notify;
    }

    @Override
    public String name() {
        return "notification.follow";
    }

    @Override
    public Class<Followed> eventType() {
        return Followed.class;
    }

    @Override
    public void on(Followed event) {
        if (accounts.findById(event.targetId()).filter(target -> !target.locked()).isPresent()) {
            notify.notify(Notice.about(event.targetId(), event.followerId(), NotificationType.FOLLOW,
                    event.followId(), null));
        }
    }
}
