package social.tsubame.federation;

/** An admin began rejecting a server's media: the copies we keep of it are to go. */
public record DomainMediaRejected(String domain) {
}
