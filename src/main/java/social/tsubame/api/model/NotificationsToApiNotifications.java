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
import social.tsubame.moderation.Reports;
import social.tsubame.notification.Notification;
import social.tsubame.notification.NotificationType;

/** Renders a page of one account's notifications, their accounts and statuses fetched once for the page. */
@Component
public class NotificationsToApiNotifications {

    /** The type name apps that show emoji reactions understand. */
    public static final String REACTION_TYPE = "pleroma:emoji_reaction";

    private final AccountsToApiAccounts accounts;
    private final StatusesToApiStatuses statuses;
    private final Reports reports;
    private final ReportToApiReport toApiReport;

    public NotificationsToApiNotifications(AccountsToApiAccounts accounts, StatusesToApiStatuses statuses,
                                           Reports reports, ReportToApiReport toApiReport) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.reports = reports;
        this.toApiReport = toApiReport;
    }

    /** A report with the account it is about; null when that account can no longer be shown. */
    private ApiReport report(long reportId) {
        return reports.findById(reportId).flatMap(toApiReport::convert).orElse(null);
    }

    /**
     * Notifications whose account, status or report can no longer be shown, or whose status a filter hides, are
     * left out.
     */
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
            ApiReport report = notification.reportId() == null ? null : report(notification.reportId());
            if (notification.type() == NotificationType.ADMIN_REPORT && report == null) {
                continue;
            }
            rendered.add(new ApiNotification(Long.toString(notification.id()),
                    reaction ? REACTION_TYPE : notification.type().apiValue(),
                    ApiDates.format(notification.createdAt()), notification.groupKey(), sender, status,
                    reaction ? notification.emoji() : null, report));
        }
        return rendered;
    }
}
