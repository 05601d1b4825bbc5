package social.tsubame.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets, codes and tokens are long random strings, so a plain SHA-256 of each is safe to store and quick to
 * look up; slow password hashing is for what people choose.
 */
public final class SecretHashes implements PasswordEncoder {

    private static final SecureRandom random = new SecureRandom();

    /** A new secret of 32 random bytes, URL-safe. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String encode(CharSequence rawSecret) {
        return hash(rawSecret.toString());
    }

    @Override
    public boolean matches(CharSequence rawSecret, String storedHash) {
        return rawSecret != null && storedHash != null && MessageDigest.isEqual(
                hash(rawSecret.toString()).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
