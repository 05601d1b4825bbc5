package social.tsubame.core;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;

/** RSA key pairs in the PEM forms ActivityPub actors publish ({@code publicKeyPem}) and we keep. */
public final class PemKeys {

    /** What the fediverse expects of an actor key. */
    private static final int RSA_BITS = 2048;

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

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

    /**
     * An RSA public key from {@code BEGIN PUBLIC KEY} (SubjectPublicKeyInfo, what Mastodon publishes) or
     * {@code BEGIN RSA PUBLIC KEY} (PKCS#1, which some other servers publish).
     *
     * @throws IllegalArgumentException when the text holds no such key
     */
    public static PublicKey publicKeyFromPem(String pem) {
        PemBlock block = PemBlock.parse(pem);
        KeySpec spec = switch (block.label()) {
            case "PUBLIC KEY" -> new X509EncodedKeySpec(block.der());
            case "RSA PUBLIC KEY" -> pkcs1Public(block.der());
            default -> throw new IllegalArgumentException(
                    "expected a PUBLIC KEY or RSA PUBLIC KEY, found " + block.label());
        };
        try {
            return rsaKeyFactory().generatePublic(spec);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid RSA public key: " + e.getMessage(), e);
        }
    }

    /**
     * An RSA private key from {@code BEGIN PRIVATE KEY} (PKCS#8, what we store) or {@code BEGIN RSA PRIVATE KEY}
     * (PKCS#1, what keys imported from other software often are).
     *
     * @throws IllegalArgumentException when the text holds no such key
     */
    public static PrivateKey privateKeyFromPem(String pem) {
        PemBlock block = PemBlock.parse(pem);
        KeySpec spec = switch (block.label()) {
            case "PRIVATE KEY" -> new PKCS8EncodedKeySpec(block.der());
            case "RSA PRIVATE KEY" -> pkcs1Private(block.der());
            default -> throw new IllegalArgumentException(
                    "expected a PRIVATE KEY or RSA PRIVATE KEY, found " + block.label());
        };
        try {
            return rsaKeyFactory().generatePrivate(spec);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid RSA private key: " + e.getMessage(), e);
        }
    }

    private static KeySpec pkcs1Public(byte[] der) {
        try {
            RSAPublicKey key = RSAPublicKey.getInstance(der);
            return new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent());
        } catch (IllegalArgumentException | ClassCastException e) {
            // BouncyCastle reports malformed DER with unchecked exceptions of either kind
            throw new IllegalArgumentException("not a valid PKCS#1 RSA public key: " + e.getMessage(), e);
        }
    }

    private static KeySpec pkcs1Private(byte[] der) {
        try {
            RSAPrivateKey key = RSAPrivateKey.getInstance(der);
            return new RSAPrivateCrtKeySpec(key.getModulus(), key.getPublicExponent(), key.getPrivateExponent(),
                    key.getPrime1(), key.getPrime2(), key.getExponent1(), key.getExponent2(), key.getCoefficient());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not a valid PKCS#1 RSA private key: " + e.getMessage(), e);
        }
    }

    private static KeyFactory rsaKeyFactory() {
        try {
            return KeyFactory.getInstance("RSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private record PemBlock(String label, byte[] der) {

        /** The first block of the text; text around it (as in a certificate bundle) is ignored. */
        static PemBlock parse(String pem) {
            if (pem == null) {
                throw new IllegalArgumentException("no PEM text");
            }
            Matcher matcher = PEM_BLOCK.matcher(pem);
            if (!matcher.find()) {
                throw new IllegalArgumentException("no PEM block (-----BEGIN …----- … -----END …-----) found");
            }
            String body = matcher.group(2).replaceAll("\\s", "");
            try {
                return new PemBlock(matcher.group(1), Base64.getDecoder().decode(body));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the " + matcher.group(1) + " block is not valid base64", e);
            }
        }
    }
}
