package social.tsubame.federation;

import java.time.Instant;

/** A server an admin lets in while the server federates only with those it allows. */
public record DomainAllow(long id, String domain, Instant createdAt) {
}
