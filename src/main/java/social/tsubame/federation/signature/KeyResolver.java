package social.tsubame.federation.signature;

import java.security.PublicKey;
import java.util.Optional;

/** Finds the public key a signature names, typically in the actor document behind the key id. */
@FunctionalInterface
public interface KeyResolver {

    /**
     * The key with this id.
     *
     * @param keyId        the key id as the signature gives it
     * @param forceRefresh {@code false} lets the answer come from a cache; {@code true} comes after a signature did
     *                     not verify with that answer, and asks to fetch the key again, since its owner may have
     *                     rotated it
     * @return the key, or empty when it does not exist (the actor or its key is gone)
     * @throws KeyUnavailableException when the key could not be fetched now but may be later
     */
    Optional<PublicKey> resolve(String keyId, boolean forceRefresh) throws KeyUnavailableException;
}
