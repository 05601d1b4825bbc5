package social.tsubame.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.queue.EventListener;
import social.tsubame.status.StatusEvents.StatusDeleted;

/**
 * Statuses are deleted as tombstones, so no foreign key takes their notifications along: this does. A deleted status
 * takes the notifications about it; a withdrawn boost takes the notification it gave the boosted status's author.
 */
@Component
class DropNotificationsOfDeletedStatus implements EventListener<StatusDeleted> {

    private final JdbcTemplate jdbc;

    DropNotificationsOfDeletedStatus(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "notification.drop-deleted";
    }

    @Override
    public Class<StatusDeleted> eventType() {
        return StatusDeleted.class;
    }

    @Override
    public void on(StatusDeleted event) {
        jdbc.update("DELETE FROM notifications WHERE status_id = ?", event.statusId());
        // A boost's notification is about the boosted status, and names the boost as its source.
        jdbc.update("""
                DELETE FROM notifications
                WHERE type = 'reblog' AND source_id = ?
                  AND status_id = (SELECT reblog_of_id FROM statuses WHERE id = ?)
                """, event.statusId(), event.statusId());
    }
}
