package social.tsubame.moderation;

/** A moderator's warning to an account was kept; the account is to be told. */
public record AccountWarned(long warningId, long accountId) {
}
