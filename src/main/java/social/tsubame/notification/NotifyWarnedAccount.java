package social.tsubame.notification;

import org.springframework.stereotype.Component;

import social.tsubame.moderation.AccountWarned;
import social.tsubame.notification.NotifyAccount.Notice;
import social.tsubame.queue.EventListener;

/** Tells a local account of a moderator's warning to it, as Mastodon's {@code moderation_warning} notification. */
@Component
class NotifyWarnedAccount implements EventListener<AccountWarned> {

    private final NotifyAccount notify;

    NotifyWarnedAccount(NotifyAccount notify) {
        this.notify = notify;
    }

    @Override
    public String name() {
        return "notification.moderation-warning";
    }

    @Override
    public Class<AccountWarned> eventType() {
        return AccountWarned.class;
    }

    @Override
    public void on(AccountWarned event) {
        notify.notify(Notice.ofWarning(event.accountId(), event.warningId()));
    }
}
