package social.tsubame.notification;

/** A local account has a new notification, for streaming to push to its open connections. */
public record NotificationCreated(long notificationId, long recipientAccountId) {
}
