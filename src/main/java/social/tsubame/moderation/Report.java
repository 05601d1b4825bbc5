package social.tsubame.moderation;

import java.time.Instant;
import java.util.List;

/**
 * A complaint about an account, for the moderators.
 *
 * @param accountId       who reported: a remote server's actor, or a local account
 * @param targetAccountId the account reported
 * @param statusIds       statuses of the target the report points at
 * @param uri             the id of the {@code Flag} it came as; null for a local report
 */
public record Report(long id, long accountId, long targetAccountId, List<Long> statusIds, String comment,
                     String category, boolean forwarded, String uri, Instant actionTakenAt, Instant createdAt) {
}
