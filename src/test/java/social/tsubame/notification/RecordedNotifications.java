package social.tsubame.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;

import social.tsubame.queue.EventListener;

/** Listens to {@link NotificationCreated} the way streaming will, and keeps what it heard. */
@TestComponent
class RecordedNotifications implements EventListener<NotificationCreated> {

    private final List<NotificationCreated> heard = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "test.recorded-notifications";
    }

    @Override
    public Class<NotificationCreated> eventType() {
        return NotificationCreated.class;
    }

    @Override
    public void on(NotificationCreated event) {
        heard.add(event);
    }

    List<NotificationCreated> of(long notificationId) {
        return heard.stream().filter(event -> event.notificationId() == notificationId).toList();
    }
}
