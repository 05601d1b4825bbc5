package social.tsubame.federation.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SequencedMap;

/**
 * Signs an outgoing request the way Mastodon does (draft-cavage-http-signatures, rsa-sha256), which every fediverse
 * server verifies.
 */
public final class CavageSigner {

    /**
     * The headers to add to the request, in this order: {@code Host}, {@code Date}, {@code Digest} when there is a
     * body, {@code Signature}. Send the request with exactly these values: they are what is signed. Java's
     * {@code HttpClient} refuses to set {@code Host} but sends this same value for the same URI.
     *
     * @param method the request method, e.g. {@code POST}
     * @param target the URI the request goes to
     * @param body   the exact bytes to send; empty when there is no body
     * @param key    the actor's key
     * @param now    the time to sign at, which becomes {@code Date}
     */
    public SequencedMap<String, String> sign(String method, URI target, byte[] body, SigningKey key, Instant now) {
        TargetUri uri = TargetUri.of(target);
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", uri.authority());
        headers.put("Date", HttpDates.format(now));
        if (body.length > 0) {
            headers.put("Digest", BodyDigests.digestHeader(body));
        }

        SequencedMap<String, String> signed = new LinkedHashMap<>();
        signed.put("(request-target)", CavageSigningString.requestTarget(method, uri));
        headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value));
        byte[] signature = SignatureAlgorithm.RSA_PKCS1_SHA256.sign(key.privateKey(),
                CavageSigningString.of(signed).getBytes(StandardCharsets.ISO_8859_1));

        headers.put("Signature", new CavageSignature(key.keyId(), "rsa-sha256", List.copyOf(signed.sequencedKeySet()),
                signature, null, null).toHeaderValue());
        return Collections.unmodifiableSequencedMap(headers);
    }
}
