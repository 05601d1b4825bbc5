package social.tsubame.account;

/** An account moved to another, taking its followers along. */
public record AccountMoved(long accountId, long targetId) {
}
