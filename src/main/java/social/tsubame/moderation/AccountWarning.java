package social.tsubame.moderation;

import java.time.Instant;

/**
 * What a moderator told an account, and the action it explains.
 *
 * @param action in Mastodon's words: {@code none}, {@code disable}, {@code sensitive}, {@code silence},
 *               {@code suspend}
 */
public record AccountWarning(long id, long targetAccountId, String action, String text, Instant createdAt) {
}
