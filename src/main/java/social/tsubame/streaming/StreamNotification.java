package social.tsubame.streaming;

import java.util.List;

import org.springframework.stereotype.Component;

import social.tsubame.api.model.NotificationsToApiNotifications;
import social.tsubame.notification.NotificationCreated;
import social.tsubame.notification.Notifications;
import social.tsubame.queue.EventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a new notification to its recipient, rendered for the recipient (it goes to no one else): the
 * {@code user} and {@code user:notification} streams both carry it.
 */
@Component
class StreamNotification implements EventListener<NotificationCreated> {

    private final Notifications notifications;
    private final NotificationsToApiNotifications rendering;
    private final StreamChannels channels;
    private final StreamPublisher publisher;
    private final JsonMapper json;

    StreamNotification(Notifications notifications, NotificationsToApiNotifications rendering,
                       StreamChannels channels, StreamPublisher publisher, JsonMapper json) {
        this.notifications = notifications;
        this.rendering = rendering;
        this.channels = channels;
        this.publisher = publisher;
        this.json = json;
    }

    @Override
    public String name() {
        return "streaming.notification";
    }

    @Override
    public Class<NotificationCreated> eventType() {
        return NotificationCreated.class;
    }

    @Override
    public void on(NotificationCreated event) {
        notifications.findForRecipient(event.notificationId(), event.recipientAccountId())
                .flatMap(found -> rendering.many(List.of(found), event.recipientAccountId()).stream().findFirst())
                .ifPresent(rendered -> publisher.publish(
                        new StreamEvent(StreamEvent.NOTIFICATION, json.writeValueAsString(rendered)),
                        List.of(channels.notifications(event.recipientAccountId()))));
    }
}
