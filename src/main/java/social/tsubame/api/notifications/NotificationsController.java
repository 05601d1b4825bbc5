package social.tsubame.api.notifications;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.ApiNotification;
import social.tsubame.api.model.NotificationsToApiNotifications;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.notification.NotificationQuery;
import social.tsubame.notification.NotificationType;
import social.tsubame.notification.Notifications;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

@RestController
@Profile(Roles.WEB)
class NotificationsController {

    record Filters(List<String> types, List<String> excludeTypes, String accountId, String maxId, String sinceId,
                   String minId, Integer limit) {
    }

    private final Notifications notifications;
    private final NotificationsToApiNotifications toApi;

    NotificationsController(Notifications notifications, NotificationsToApiNotifications toApi) {
        this.notifications = notifications;
        this.toApi = toApi;
    }

    @GetMapping("/api/v1/notifications")
    @RequiresScope("read:notifications")
    ResponseEntity<List<ApiNotification>> list(@ApiParams Filters filters, Caller caller,
                                               HttpServletRequest request) {
        Page page = Page.of(filters.maxId(), filters.sinceId(), filters.minId(), filters.limit(),
                NotificationQuery.MAX_LIMIT);
        Long from = filters.accountId() == null || filters.accountId().isBlank() ? null
                : Long.parseLong(filters.accountId());
        NotificationQuery query = new NotificationQuery(page.maxId(), page.sinceId(), page.minId(),
                filters.limit() == null ? NotificationQuery.DEFAULT_LIMIT : page.limit(), types(filters.types()),
                types(filters.excludeTypes()), from);
        List<ApiNotification> rendered = toApi.many(notifications.page(caller.accountId(), query),
                caller.accountId());
        return Page.respond(rendered, notification -> Long.parseLong(notification.id()), request);
    }

    @GetMapping("/api/v1/notifications/{id}")
    @RequiresScope("read:notifications")
    ApiNotification one(@PathVariable("id") long id, Caller caller) {
        return notifications.findForRecipient(id, caller.accountId())
                .flatMap(found -> toApi.many(List.of(found), caller.accountId()).stream().findFirst())
                .orElseThrow(ApiException::notFound);
    }

    @PostMapping({"/api/v1/notifications/{id}/dismiss", "/api/v1/notifications/dismiss"})
    @RequiresScope("write:notifications")
    Map<String, Object> dismiss(@PathVariable(name = "id", required = false) Optional<Long> id,
                   @ApiParams DismissParams params, Caller caller) {
        long target = id.or(() -> Optional.ofNullable(params.id())).orElseThrow(ApiException::notFound);
        if (notifications.dismiss(target, caller.accountId()) == 0) {
            throw ApiException.notFound();
        }
        return Map.of();
    }

    record DismissParams(Long id) {
    }

    @PostMapping("/api/v1/notifications/clear")
    @RequiresScope("write:notifications")
    Map<String, Object> clear(Caller caller) {
        notifications.clear(caller.accountId());
        return Map.of();
    }

    /** Mastodon's names, plus the Pleroma name of reactions; unknown names are ignored, as Mastodon does. */
    private static Set<NotificationType> types(List<String> names) {
        if (names == null) {
            return Set.of();
        }
        return names.stream()
                .map(name -> NotificationsToApiNotifications.REACTION_TYPE.equals(name) ? "reaction" : name)
                .map(NotificationType::ofApiValue).flatMap(Optional::stream).collect(Collectors.toSet());
    }
}
