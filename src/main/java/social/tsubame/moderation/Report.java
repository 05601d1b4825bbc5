package social.tsubame.moderation;

import java.time.Instant;
import java.util.List;

/**
 * A complaint about an account, for the moderators.
 *
 * @param accountId              who reported: a remote server's actor, or a local account
 * @param targetAccountId        the account reported
 * @param statusIds              statuses of the target the report points at
 * @param category               {@code spam}, {@code legal}, {@code violation} or {@code other}
 * @param ruleIds                the server rules broken, for a {@code violation}
 * @param forwarded              whether it was also sent to the target's server
 * @param uri                    the id of the {@code Flag} it came as; null for a local report
 * @param assignedAccountId      the moderator who took it on
 * @param actionTakenByAccountId who resolved it; null while open, or when resolved from the command line
 * @param actionTakenAt          when it was resolved; null while open
 */
public record Report(long id, long accountId, long targetAccountId, List<Long> statusIds, String comment,
                     String category, List<Long> ruleIds, boolean forwarded, String uri, Long assignedAccountId,
                     Long actionTakenByAccountId, Instant actionTakenAt, Instant createdAt, Instant updatedAt) {

    /** A report not yet stored: open, unassigned. */
    static Report filed(long id, long accountId, long targetAccountId, List<Long> statusIds, String comment,
                        String category, List<Long> ruleIds, boolean forwarded, String uri) {
        return new Report(id, accountId, targetAccountId, statusIds, comment, category, ruleIds, forwarded, uri, null,
                null, null, null, null);
    }

    public boolean resolved() {
        return actionTakenAt != null;
    }
}
