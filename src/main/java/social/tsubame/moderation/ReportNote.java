package social.tsubame.moderation;

import java.time.Instant;

/**
 * What a moderator wrote on a report for the other moderators.
 *
 * @param accountId the moderator; null when written from the command line
 */
public record ReportNote(long id, long reportId, Long accountId, String content, Instant createdAt) {
}
