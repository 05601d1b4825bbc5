package social.tsubame.core;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** RSA key pairs in the PEM forms ActivityPub actors publish ({@code publicKeyPem}) and we keep. */
public final class PemKeys {

    /** What the fediverse expects of an actor key. */
    private static final int RSA_BITS = 2048;

    private PemKeys() {
    }

    public record PemKeyPair(String publicKeyPem, String privateKeyPem) {
    }

    public static PemKeyPair generateRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            return new PemKeyPair(
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
