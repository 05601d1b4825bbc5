package social.tsubame.account;

/** A local account was deleted: its login and posts are gone, its row stays (with its keys) to sign the news. */
public record AccountDeleted(long accountId) {
}
