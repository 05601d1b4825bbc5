package social.tsubame.federation.signature;

/**
 * A signature that verified.
 *
 * @param keyId  the key that made it; whoever owns the key sent the request
 * @param scheme how the request was signed
 */
public record VerifiedSignature(String keyId, Scheme scheme) {

    public enum Scheme {
        /** draft-cavage-http-signatures, what Mastodon and most of the fediverse send. */
        DRAFT_CAVAGE,
        /** RFC 9421 HTTP Message Signatures. */
        RFC_9421
    }
}
