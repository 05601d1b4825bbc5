package social.tsubame.federation.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import social.tsubame.federation.signature.StructuredFields.ByteSequence;
import social.tsubame.federation.signature.StructuredFields.Item;
import social.tsubame.federation.signature.StructuredFields.Member;

/**
 * Digests of a request body, which tie the body to a signature that covers only headers: {@code Digest} (RFC 3230)
 * for draft-cavage, {@code Content-Digest} (RFC 9530) for RFC 9421.
 */
final class BodyDigests {

    /** The digest algorithms we check, by their JDK names; weaker ones a sender may add are ignored. */
    private static final Map<String, String> ALGORITHMS = Map.of("sha-256", "SHA-256", "sha-512", "SHA-512");

    private BodyDigests() {
    }

    static String digestHeader(byte[] body) {
        return "SHA-256=" + Base64.getEncoder().encodeToString(hash("SHA-256", body));
    }

    static String contentDigestHeader(byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(hash("SHA-256", body)) + ":";
    }

    /** Checks a {@code Digest} value such as {@code SHA-256=X48E9q…=, SHA-512=…}; names compare without case. */
    static void checkDigest(String value, byte[] body) throws SignatureRejectedException {
        boolean checked = false;
        for (String entry : value.split(",")) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new SignatureRejectedException("Digest is malformed: " + value);
            }
            String algorithm = entry.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            if (ALGORITHMS.containsKey(algorithm)) {
                byte[] claimed = decode(entry.substring(equals + 1).strip(), "Digest");
                requireMatch(algorithm, claimed, body, "Digest");
                checked = true;
            }
        }
        if (!checked) {
            throw new SignatureRejectedException("Digest has no SHA-256 or SHA-512 value");
        }
    }

    /** Checks a {@code Content-Digest} value such as {@code sha-256=:X48E9q…=:}. */
    static void checkContentDigest(String value, byte[] body) throws SignatureRejectedException {
        Map<String, Member> digests;
        try {
            digests = StructuredFieldParser.parseDictionary(value);
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException("Content-Digest is malformed: " + e.getMessage());
        }
        boolean checked = false;
        for (Map.Entry<String, Member> digest : digests.entrySet()) {
            if (ALGORITHMS.containsKey(digest.getKey())) {
                byte[] claimed = byteSequence(digest.getValue()).orElseThrow(() -> new SignatureRejectedException(
                        "Content-Digest " + digest.getKey() + " is not a byte sequence"));
                requireMatch(digest.getKey(), claimed, body, "Content-Digest");
                checked = true;
            }
        }
        if (!checked) {
            throw new SignatureRejectedException("Content-Digest has no sha-256 or sha-512 value");
        }
    }

    private static Optional<byte[]> byteSequence(Member member) {
        return member instanceof Item(ByteSequence bytes, var _) ? Optional.of(bytes.bytes()) : Optional.empty();
    }

    private static void requireMatch(String algorithm, byte[] claimed, byte[] body, String header)
            throws SignatureRejectedException {
        if (!MessageDigest.isEqual(claimed, hash(ALGORITHMS.get(algorithm), body))) {
            throw new SignatureRejectedException(header + " " + algorithm + " does not match the body");
        }
    }

    private static byte[] decode(String base64, String header) throws SignatureRejectedException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException(header + " is not valid base64");
        }
    }

    private static byte[] hash(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }
}
