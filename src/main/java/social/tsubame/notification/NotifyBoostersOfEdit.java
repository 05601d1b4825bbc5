package social.tsubame.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.notification.NotifyAccount.Notice;
import social.tsubame.queue.EventListener;
import social.tsubame.status.StatusEvents.StatusEdited;

/**
 * Tells the local accounts that boosted a status that it was edited: they passed it on, and should know when it says
 * something else now (Mastodon's rule).
 */
@Component
class NotifyBoostersOfEdit implements EventListener<StatusEdited> {

    private final JdbcTemplate jdbc;
    private final NotifyAccount notify;

    NotifyBoostersOfEdit(JdbcTemplate jdbc, NotifyAccount notify) {
        this.jdbc = jdbc;
        this.notify = notify;
    }

    @Override
    public String name() {
        return "notification.update";
    }

    @Override
    public Class<StatusEdited> eventType() {
        return StatusEdited.class;
    }

    @Override
    public void on(StatusEdited event) {
        jdbc.queryForList("""
                SELECT DISTINCT b.account_id FROM statuses b JOIN accounts a ON a.id = b.account_id
                WHERE b.reblog_of_id = ? AND b.deleted_at IS NULL AND a.domain IS NULL
                """, Long.class, event.statusId())
                .forEach(booster -> notify.notify(Notice.about(booster, event.accountId(), NotificationType.UPDATE,
                        event.editId(), event.statusId())));
    }
}
