package social.tsubame.federation.signature;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/** The keys of the actors in the signature tests, made afresh for each test run. */
final class TestKeys {

    static final String ALICE_KEY_ID = "https://a.example/users/alice#main-key";

    /** Alice's key as it is now. */
    static final KeyPair ALICE = generate();

    /** The key Alice had before she rotated it. */
    static final KeyPair ALICE_BEFORE_ROTATION = generate();

    /** A key that belongs to no one involved. */
    static final KeyPair MALLORY = generate();

    static final SigningKey ALICE_SIGNING = new SigningKey(ALICE_KEY_ID, ALICE.getPrivate());

    private TestKeys() {
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
