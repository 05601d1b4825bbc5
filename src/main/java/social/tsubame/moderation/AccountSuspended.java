package social.tsubame.moderation;

/** A moderator suspended an account; a local one is then gone for other servers too. */
public record AccountSuspended(long accountId) {
}
