package social.tsubame.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import social.tsubame.core.AssignedIdEntity;

/**
 * Something a local account is told about: who did what, and to which status. Written by the listeners of this
 * package only ({@code NotifyAccount}), read by the client API.
 */
@Entity
@Table(name = "notifications")
public class Notification extends AssignedIdEntity {

    @Id
    private long id;

    @Column(name = "account_id")
    private long recipientId;

    @Column(name = "from_account_id")
    private long fromAccountId;

    private NotificationType type;

    /** The status it is about; for a boost the boosted status, as the Mastodon API shows it. */
    @Column(name = "status_id")
    private Long statusId;

    /** The emoji of a reaction. */
    private String emoji;

    /** The report a moderator is told of ({@code admin.report}). */
    @Column(name = "report_id")
    private Long reportId;

    /** The warning the account is told of ({@code moderation_warning}). */
    @Column(name = "account_warning_id")
    private Long accountWarningId;

    /** Notifications with one key are shown as one group (API v2); null for those never grouped. */
    @Column(name = "group_key")
    private String groupKey;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Notification() {
    }

    public long id() {
        return id;
    }

    @Override
    public Long getId() {
        return id;
    }

    public long recipientId() {
        return recipientId;
    }

    public long fromAccountId() {
        return fromAccountId;
    }

    public NotificationType type() {
        return type;
    }

    public Long statusId() {
        return statusId;
    }

    public String emoji() {
        return emoji;
    }

    public Long reportId() {
        return reportId;
    }

    public Long accountWarningId() {
        return accountWarningId;
    }

    public String groupKey() {
        return groupKey;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
