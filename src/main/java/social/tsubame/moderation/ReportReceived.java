package social.tsubame.moderation;

/** A new report waits for the moderators. */
public record ReportReceived(long reportId) {
}
