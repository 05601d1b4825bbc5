package social.tsubame.moderation;

/** A local user asked for their report to be sent on to the reported account's server too. */
public record ReportForwarded(long reportId) {
}
