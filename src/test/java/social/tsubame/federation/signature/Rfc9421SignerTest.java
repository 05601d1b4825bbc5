package social.tsubame.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static social.tsubame.federation.signature.SignatureTesting.FOLLOW;
import static social.tsubame.federation.signature.SignatureTesting.INBOX;
import static social.tsubame.federation.signature.SignatureTesting.NOW;
import static social.tsubame.federation.signature.SignatureTesting.NO_BODY;
import static social.tsubame.federation.signature.SignatureTesting.OUTBOX;
import static social.tsubame.federation.signature.TestKeys.ALICE_KEY_ID;
import static social.tsubame.federation.signature.TestKeys.ALICE_SIGNING;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import social.tsubame.core.PemKeys;
import social.tsubame.testing.PublishedTestKeys;

/** Signing outgoing requests with RFC 9421. */
class Rfc9421SignerTest {

    private final Rfc9421Signer signer = new Rfc9421Signer();

    @Test
    void aPostCoversMethodTargetUriAndContentDigest() {
        Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);

        assertThat(headers.keySet()).containsExactly("Content-Digest", "Signature-Input", "Signature");
        assertThat(headers.get("Content-Digest")).isEqualTo(BodyDigests.contentDigestHeader(FOLLOW))
                .matches("sha-256=:[A-Za-z0-9+/=]+:");
        assertThat(headers.get("Signature-Input")).isEqualTo("sig1=(\"@method\" \"@target-uri\" \"content-digest\")"
                + ";created=" + NOW.getEpochSecond() + ";keyid=\"" + ALICE_KEY_ID + "\";alg=\"rsa-v1_5-sha256\"");
        assertThat(headers.get("Signature")).matches("sig1=:[A-Za-z0-9+/=]+:");
    }

    @Test
    void aGetCoversMethodAndTargetUri() {
        Map<String, String> headers = signer.sign("GET", OUTBOX, NO_BODY, ALICE_SIGNING, NOW);

        assertThat(headers.keySet()).containsExactly("Signature-Input", "Signature");
        assertThat(headers.get("Signature-Input")).startsWith("sig1=(\"@method\" \"@target-uri\");created=");
    }

    /**
     * A known answer: rsa-v1_5-sha256 is deterministic, so the signature over the base below is fixed. The expected
     * value was computed with OpenSSL ({@code openssl dgst -sha256 -sign}) over that base with RFC 9421's
     * test-key-rsa, for RFC 9421's example request: it checks this signer against an independent one, but it is not
     * a published vector (the RFC signs its examples with rsa-pss-sha512, which is randomized).
     */
    @Test
    void signsTheBaseRfc9421Describes() {
        SigningKey rfcKey = new SigningKey("test-key-rsa",
                PemKeys.privateKeyFromPem(PublishedTestKeys.RFC9421_TEST_KEY_RSA_PRIVATE));
        String base = """
                "@method": POST
                "@target-uri": https://example.com/foo?param=Value&Pet=dog
                "content-digest": sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:
                "@signature-params": ("@method" "@target-uri" "content-digest");created=1618884475;\
                keyid="test-key-rsa";alg="rsa-v1_5-sha256\"""";

        Map<String, String> headers = signer.sign("POST", URI.create("https://example.com/foo?param=Value&Pet=dog"),
                "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8), rfcKey,
                Instant.parse("2021-04-20T02:07:55Z"));

        assertThat(headers).containsExactly(
                Map.entry("Content-Digest", "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:"),
                Map.entry("Signature-Input", "sig1=(\"@method\" \"@target-uri\" \"content-digest\")"
                        + ";created=1618884475;keyid=\"test-key-rsa\";alg=\"rsa-v1_5-sha256\""),
                Map.entry("Signature", "sig1=:"
                        + "e68d7HKIdpGLwMmoqL5vvW5IHTzPNII/A+TsQ1xAPgBWtWNxtwGA8MhKWOzHWWFVSE9DcKlQjgzur+6wYAdInQF9oXFR5H"
                        + "rTADlUThtNYWfKIiqdqEvBv7OF9/35PvPLgT/8j66SwPJtWCcs8Iq1XfcDLH64aRKJeB/2oV9y1DCoxHJYzgZKBwrhiMXuv"
                        + "878g5ara6z3OQApDXf61edGYrauWP9nvMQhdgFrvRf19MPztsA55Bvc8x0f/O3ikxwYAxWt6vNstFyIPBnpjoHYnTwWN5n5c"
                        + "4bap6gGNq2bfK3BijDrr4yGkkGc+6x8yycKJvZ+Z2m+5YZ8T0Rt41a0eA==:"));
        byte[] signature = Base64.getDecoder().decode(headers.get("Signature").replaceAll("sig1=:(.*):", "$1"));
        assertThat(SignatureAlgorithm.RSA_PKCS1_SHA256.verifies(
                PemKeys.publicKeyFromPem(PublishedTestKeys.RFC9421_TEST_KEY_RSA_PUBLIC),
                base.getBytes(StandardCharsets.US_ASCII), signature)).isTrue();
    }
}
