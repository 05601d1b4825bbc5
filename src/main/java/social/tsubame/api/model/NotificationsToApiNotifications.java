package social.tsubame.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import social.tsubame.filter.FilterContext;
import social.tsubame.notification.Notification;
import social.tsubame.notification.NotificationType;

/** Renders a page of one account's notifications, their accounts and statuses fetched once for the page. */
@Component
public class NotificationsToApiNotifications {

    /** The type name apps that show emoji reactions understand. */
    public static final String REACTION_TYPE = "pleroma:emoji_reaction";

    private final AccountsToApiAccounts accounts;
    private final StatusesToApiStatuses statuses;

    public NotificationsToApiNotifications(AccountsToApiAccounts accounts, StatusesToApiStatuses statuses) {
        this.accounts = accounts;
        this.statuses = statuses;
    }

    /** Notifications whose account or status can no longer be shown, or whose status a filter hides, are left out. */
    public List<ApiNotification> many(List<Notification> notifications, long viewerId) {
        Map<Long, ApiAccount> senders = accounts.many(notifications.stream().map(Notification::fromAccountId)
                .distinct().toList());
        List<Long> statusIds = notifications.stream().map(Notification::statusId).filter(Objects::nonNull)
                .distinct().toList();
        Map<String, ApiStatus> subjects = statuses.many(statusIds, Optional.of(viewerId), FilterContext.NOTIFICATIONS)
                .stream().collect(Collectors.toMap(ApiStatus::id, Function.identity()));
        List<ApiNotification> rendered = new ArrayList<>();
        for (Notification notification : notifications) {
            ApiAccount sender = senders.get(notification.fromAccountId());
            ApiStatus status = notification.statusId() == null ? null
                    : subjects.get(notification.statusId().toString());
            if (sender == null || notification.statusId() != null && status == null) {
                continue;
            }
            boolean reaction = notification.type() == NotificationType.REACTION;
            rendered.add(new ApiNotification(Long.toString(notification.id()),
                    reaction ? REACTION_TYPE : notification.type().apiValue(),
                    ApiDates.format(notification.createdAt()), notification.groupKey(), sender, status,
                    reaction ? notification.emoji() : null));
        }
        return rendered;
    }
}
