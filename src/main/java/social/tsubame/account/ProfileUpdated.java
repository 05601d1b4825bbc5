package social.tsubame.account;

/** A local account changed what its profile says. */
public record ProfileUpdated(long accountId) {
}
