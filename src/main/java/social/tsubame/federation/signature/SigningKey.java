package social.tsubame.federation.signature;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * The key an actor signs its requests with.
 *
 * @param keyId      where other servers find the public half, e.g. {@code https://a.example/users/alice#main-key}
 * @param privateKey an RSA private key
 */
public record SigningKey(String keyId, PrivateKey privateKey) {

    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        if (!"RSA".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("the fediverse expects RSA keys, not " + privateKey.getAlgorithm());
        }
    }

    /** Never the private key itself, so that it cannot end up in a log. */
    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
