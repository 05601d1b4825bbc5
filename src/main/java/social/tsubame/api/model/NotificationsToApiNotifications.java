package social.tsubame.api.model;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.notification.Notification;

/**
 * Renders a notification for its recipient. A notification whose sender is gone (suspended) or whose status can no
 * longer be shown is not rendered at all, as Mastodon leaves such notifications out.
 */
@Component
public class NotificationsToApiNotifications {

    private final AccountsToApiAccounts accounts;
    private final StatusesToApiStatuses statuses;

    public NotificationsToApiNotifications(AccountsToApiAccounts accounts, StatusesToApiStatuses statuses) {
        this.accounts = accounts;
        this.statuses = statuses;
    }

    public Optional<ApiNotification> one(Notification notification) {
        Optional<ApiAccount> sender = accounts.one(notification.fromAccountId());
        if (sender.isEmpty()) {
            return Optional.empty();
        }
        ApiStatus status = null;
        if (notification.statusId() != null) {
            status = statuses.one(notification.statusId(), Optional.of(notification.recipientId())).orElse(null);
            if (status == null) {
                return Optional.empty();
            }
        }
        String groupKey = notification.groupKey() != null ? notification.groupKey()
                : "ungrouped-" + notification.id();
        return Optional.of(new ApiNotification(Long.toString(notification.id()), notification.type().apiValue(),
                ApiDates.format(notification.createdAt()), groupKey, sender.get(), status, notification.emoji()));
    }
}
