package social.tsubame.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static social.tsubame.federation.signature.SignatureTesting.CLOCK;
import static social.tsubame.federation.signature.SignatureTesting.FOLLOW;
import static social.tsubame.federation.signature.SignatureTesting.INBOX;
import static social.tsubame.federation.signature.SignatureTesting.NOW;
import static social.tsubame.federation.signature.SignatureTesting.NO_BODY;
import static social.tsubame.federation.signature.SignatureTesting.OUTBOX;
import static social.tsubame.federation.signature.SignatureTesting.keysGiving;
import static social.tsubame.federation.signature.SignatureTesting.received;
import static social.tsubame.federation.signature.SignatureTesting.signText;
import static social.tsubame.federation.signature.TestKeys.ALICE;
import static social.tsubame.federation.signature.TestKeys.ALICE_KEY_ID;
import static social.tsubame.federation.signature.TestKeys.ALICE_SIGNING;
import static social.tsubame.federation.signature.TestKeys.MALLORY;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import social.tsubame.core.PemKeys;
import social.tsubame.federation.signature.Candidate.Plausible;
import social.tsubame.federation.signature.VerifiedSignature.Scheme;
import social.tsubame.testing.PublishedTestKeys;

/** Verifying RFC 9421 HTTP Message Signatures. */
class Rfc9421VerificationTest {

    private static final String ALICE_PARAMS = ";created=" + NOW.getEpochSecond() + ";keyid=\"" + ALICE_KEY_ID + "\"";

    private final Rfc9421Signer signer = new Rfc9421Signer();
    private final SignatureVerifier verifier = new SignatureVerifier(Duration.ofMinutes(5), CLOCK);

    @Test
    void aSignedGetVerifies() throws Exception {
        Map<String, String> headers = signer.sign("GET", OUTBOX, NO_BODY, ALICE_SIGNING, NOW);

        assertThat(verifier.verify(received("GET", OUTBOX, headers, NO_BODY), keysGiving(ALICE.getPublic())))
                .isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.RFC_9421));
    }

    @Test
    void aSignedPostVerifies() throws Exception {
        Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);

        assertThat(verifier.verify(received("POST", INBOX, headers, FOLLOW), keysGiving(ALICE.getPublic())))
                .isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.RFC_9421));
    }

    @Test
    void aBodyChangedOnTheWayIsRejected() {
        Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);
        byte[] tampered = "{\"type\":\"Block\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, headers, tampered),
                keysGiving(ALICE.getPublic())))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage("Content-Digest sha-256 does not match the body");
    }

    @Test
    void aContentDigestOfAnotherBodyIsRejectedEvenWhenSigned() {
        Map<String, String> headers = signer.sign("POST", INBOX, "{}".getBytes(StandardCharsets.UTF_8),
                ALICE_SIGNING, NOW);

        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, headers, FOLLOW),
                keysGiving(ALICE.getPublic())))
                .hasMessage("Content-Digest sha-256 does not match the body");
    }

    @Test
    void aPostWhoseSignatureLeavesOutTheContentDigestIsRejected() {
        Map<String, String> headers = new HashMap<>(handSigned("sig1", "(\"@method\" \"@target-uri\")" + ALICE_PARAMS, """
                "@method": POST
                "@target-uri": https://b.example/users/bob/inbox
                """, ALICE.getPrivate(), SignatureAlgorithm.RSA_PKCS1_SHA256));
        headers.put("Content-Digest", BodyDigests.contentDigestHeader(FOLLOW));

        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, headers, FOLLOW),
                keysGiving(ALICE.getPublic())))
                .hasMessage("the request has a body but signature sig1 does not cover content-digest");
    }

    @Test
    void aCreatedOlderThanTheSkewIsRejected() {
        Map<String, String> headers = signer.sign("GET", OUTBOX, NO_BODY, ALICE_SIGNING, NOW.minusSeconds(301));

        assertThatThrownBy(() -> verifier.verify(received("GET", OUTBOX, headers, NO_BODY),
                keysGiving(ALICE.getPublic())))
                .hasMessageContaining("created 2026-03-05T08:59:04Z is more than PT5M before");
    }

    @Test
    void aCreatedFurtherAheadThanTheSkewIsRejected() {
        Map<String, String> headers = signer.sign("GET", OUTBOX, NO_BODY, ALICE_SIGNING, NOW.plusSeconds(301));

        assertThatThrownBy(() -> verifier.verify(received("GET", OUTBOX, headers, NO_BODY),
                keysGiving(ALICE.getPublic())))
                .hasMessageContaining("is more than PT5M after");
    }

    @Test
    void aSignatureWithoutCreatedIsRejected() {
        Map<String, String> headers = handSigned("sig1", "(\"@method\" \"@target-uri\");keyid=\"" + ALICE_KEY_ID + "\"",
                """
                "@method": GET
                "@target-uri": https://a.example/users/alice/outbox?page=true&min_id=0
                """, ALICE.getPrivate(), SignatureAlgorithm.RSA_PKCS1_SHA256);

        assertThatThrownBy(() -> verifier.verify(received("GET", OUTBOX, headers, NO_BODY),
                keysGiving(ALICE.getPublic())))
                .hasMessage("signature sig1 has no created time");
    }

    @Test
    void anExpiredSignatureIsRejected() {
        String params = "(\"@method\" \"@target-uri\")" + ALICE_PARAMS + ";expires=" + (NOW.getEpochSecond() - 1);
        Map<String, String> headers = handSigned("sig1", params, """
                "@method": GET
                "@target-uri": https://a.example/users/alice/outbox?page=true&min_id=0
                """, ALICE.getPrivate(), SignatureAlgorithm.RSA_PKCS1_SHA256);

        assertThatThrownBy(() -> verifier.verify(received("GET", OUTBOX, headers, NO_BODY),
                keysGiving(ALICE.getPublic())))
                .hasMessageContaining("the signature expired at 2026-03-05T09:04:04Z");
    }

    @Test
    void aSignatureByAnotherKeyIsRejected() {
        Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW,
                new SigningKey(ALICE_KEY_ID, MALLORY.getPrivate()), NOW);

        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, headers, FOLLOW),
                keysGiving(ALICE.getPublic())))
                .hasMessage("the signature does not verify with the key " + ALICE_KEY_ID);
    }

    @Test
    void aSignatureReplayedToAnotherInboxIsRejected() {
        Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);

        assertThatThrownBy(() -> verifier.verify(
                received("POST", URI.create("https://b.example/users/carol/inbox"), headers, FOLLOW),
                keysGiving(ALICE.getPublic())))
                .hasMessageContaining("does not verify");
    }

    @Test
    void rsaPssSha512Verifies() throws Exception {
        String params = "(\"@method\" \"@target-uri\")" + ALICE_PARAMS + ";alg=\"rsa-pss-sha512\"";
        Map<String, String> headers = handSigned("sig1", params, """
                "@method": GET
                "@target-uri": https://a.example/users/alice/outbox?page=true&min_id=0
                """, ALICE.getPrivate(), SignatureAlgorithm.RSA_PSS_SHA512);

        assertThat(verifier.verify(received("GET", OUTBOX, headers, NO_BODY), keysGiving(ALICE.getPublic())))
                .isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.RFC_9421));
    }

    @Test
    void anUnknownAlgorithmIsRejected() {
        String params = "(\"@method\" \"@target-uri\")" + ALICE_PARAMS + ";alg=\"hmac-sha256\"";
        Map<String, String> headers = handSigned("sig1", params, """
                "@method": GET
                "@target-uri": https://a.example/users/alice/outbox?page=true&min_id=0
                """, ALICE.getPrivate(), SignatureAlgorithm.RSA_PKCS1_SHA256);

        assertThatThrownBy(() -> verifier.verify(received("GET", OUTBOX, headers, NO_BODY),
                keysGiving(ALICE.getPublic())))
                .hasMessage("unsupported signature algorithm hmac-sha256");
    }

    @Test
    void authorityAndPathMayStandForTheTargetUri() throws Exception {
        String params = "(\"@method\" \"@authority\" \"@path\" \"@query\" \"@scheme\" \"@request-target\")"
                + ALICE_PARAMS;
        Map<String, String> headers = handSigned("sig1", params, """
                "@method": GET
                "@authority": a.example
                "@path": /users/alice/outbox
                "@query": ?page=true&min_id=0
                "@scheme": https
                "@request-target": /users/alice/outbox?page=true&min_id=0
                """, ALICE.getPrivate(), SignatureAlgorithm.RSA_PKCS1_SHA256);
        URI shouted = URI.create("https://A.Example:443/users/alice/outbox?page=true&min_id=0");

        assertThat(verifier.verify(received("GET", shouted, headers, NO_BODY), keysGiving(ALICE.getPublic())))
                .isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.RFC_9421));
    }

    @Test
    void aSignatureThatDoesNotCoverTheMethodIsRejected() {
        Map<String, String> headers = handSigned("sig1", "(\"@target-uri\")" + ALICE_PARAMS, """
                "@target-uri": https://a.example/users/alice/outbox?page=true&min_id=0
                """, ALICE.getPrivate(), SignatureAlgorithm.RSA_PKCS1_SHA256);

        assertThatThrownBy(() -> verifier.verify(received("GET", OUTBOX, headers, NO_BODY),
                keysGiving(ALICE.getPublic())))
                .hasMessage("signature sig1 does not cover @method");
    }

    @Test
    void headerFieldsAreSignedByLowercaseNameWithTheirLinesJoined() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(handSigned("sig1",
                "(\"@method\" \"@target-uri\" \"x-forwarded-for\")" + ALICE_PARAMS, """
                "@method": GET
                "@target-uri": https://a.example/users/alice/outbox?page=true&min_id=0
                "x-forwarded-for": 192.0.2.1, 198.51.100.7
                """, ALICE.getPrivate(), SignatureAlgorithm.RSA_PKCS1_SHA256));
        IncomingRequest request = received("GET", OUTBOX, headers, NO_BODY);
        request = new IncomingRequest("GET", OUTBOX, request.headers()
                .with("X-Forwarded-For", "  192.0.2.1 ")
                .with("x-forwarded-for", "198.51.100.7"), NO_BODY);

        assertThat(verifier.verify(request, keysGiving(ALICE.getPublic())).keyId()).isEqualTo(ALICE_KEY_ID);
    }

    @Test
    void headerNamesMatchWhateverTheirCase() throws Exception {
        Map<String, String> signed = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);
        Map<String, String> shouted = Map.of(
                "CONTENT-DIGEST", signed.get("Content-Digest"),
                "signature-input", signed.get("Signature-Input"),
                "SiGnAtUrE", signed.get("Signature"));

        assertThat(verifier.verify(received("POST", INBOX, shouted, FOLLOW), keysGiving(ALICE.getPublic())))
                .isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.RFC_9421));
    }

    @Test
    void oneValidSignatureAmongSeveralSuffices() throws Exception {
        String params = "(\"@method\" \"@target-uri\")" + ALICE_PARAMS;
        String base = """
                "@method": GET
                "@target-uri": https://a.example/users/alice/outbox?page=true&min_id=0
                """;
        Map<String, String> forged = handSigned("forged", params, base, MALLORY.getPrivate(),
                SignatureAlgorithm.RSA_PKCS1_SHA256);
        Map<String, String> genuine = handSigned("genuine", params, base, ALICE.getPrivate(),
                SignatureAlgorithm.RSA_PKCS1_SHA256);
        IncomingRequest request = new IncomingRequest("GET", OUTBOX, HeaderFields.empty()
                .with("Signature-Input", forged.get("Signature-Input"))
                .with("Signature-Input", genuine.get("Signature-Input"))
                .with("Signature", forged.get("Signature") + ", " + genuine.get("Signature")), NO_BODY);

        assertThat(verifier.verify(request, keysGiving(ALICE.getPublic())))
                .isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.RFC_9421));
    }

    @Test
    void whenNoSignatureVerifiesEveryReasonIsGiven() {
        Map<String, String> forged = handSigned("forged", "(\"@method\" \"@target-uri\")" + ALICE_PARAMS, """
                "@method": GET
                "@target-uri": https://a.example/users/alice/outbox?page=true&min_id=0
                """, MALLORY.getPrivate(), SignatureAlgorithm.RSA_PKCS1_SHA256);
        IncomingRequest request = new IncomingRequest("GET", OUTBOX, HeaderFields.empty()
                .with("Signature-Input", forged.get("Signature-Input") + ", unsigned=(\"@method\")" + ALICE_PARAMS)
                .with("Signature", forged.get("Signature")), NO_BODY);

        assertThatThrownBy(() -> verifier.verify(request, keysGiving(ALICE.getPublic())))
                .hasMessage("the signature does not verify with the key " + ALICE_KEY_ID
                        + "; Signature has no byte sequence for unsigned");
    }

    @Test
    void aMalformedSignatureInputIsRejected() {
        IncomingRequest request = new IncomingRequest("GET", OUTBOX, HeaderFields.empty()
                .with("Signature-Input", "sig1=(\"@method\"")
                .with("Signature", "sig1=:AAAA:"), NO_BODY);

        assertThatThrownBy(() -> verifier.verify(request, keysGiving(ALICE.getPublic())))
                .hasMessageStartingWith("Signature-Input or Signature is malformed: unterminated inner list");
    }

    /**
     * RFC 9421 Appendix B.2.3: the full-coverage example, its signature base and the signature the RFC publishes,
     * made with test-key-rsa-pss and rsa-pss-sha512.
     */
    @Test
    void theRfcsFullCoverageExampleHasTheRfcsBaseAndSignature() {
        IncomingRequest request = rfcExampleRequest();
        TimeWindow window = new TimeWindow(Clock.fixed(Instant.ofEpochSecond(1618884473), ZoneOffset.UTC),
                Duration.ofMinutes(5));
        PublicKey rfcKey = PemKeys.publicKeyFromPem(PublishedTestKeys.RFC9421_TEST_KEY_RSA_PSS_PUBLIC);

        List<Candidate> found = Rfc9421Candidates.find(request, window);

        assertThat(found).singleElement().isInstanceOfSatisfying(Plausible.class, signature -> {
            assertThat(signature.keyId()).isEqualTo("test-key-rsa-pss");
            assertThat(new String(signature.signedData(), StandardCharsets.ISO_8859_1)).isEqualTo("""
                    "date": Tue, 20 Apr 2021 02:07:55 GMT
                    "@method": POST
                    "@path": /foo
                    "@query": ?param=Value&Pet=dog
                    "@authority": example.com
                    "content-type": application/json
                    "content-digest": sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:
                    "content-length": 18
                    "@signature-params": ("date" "@method" "@path" "@query" "@authority" "content-type" \
                    "content-digest" "content-length");created=1618884473;keyid="test-key-rsa-pss\"""");
            assertThat(SignatureAlgorithm.RSA_PSS_SHA512.verifies(rfcKey, signature.signedData(),
                    signature.signature())).isTrue();
        });
    }

    /** The RFC's example names no alg; for an RSA key that means rsa-v1_5-sha256 here, which it was not made with. */
    @Test
    void withoutAlgAnRsaKeyMeansPkcs1() {
        SignatureVerifier then = new SignatureVerifier(Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(1618884473), ZoneOffset.UTC));
        PublicKey rfcKey = PemKeys.publicKeyFromPem(PublishedTestKeys.RFC9421_TEST_KEY_RSA_PSS_PUBLIC);

        assertThatThrownBy(() -> then.verify(rfcExampleRequest(), keysGiving(rfcKey)))
                .hasMessage("the signature does not verify with the key test-key-rsa-pss");
    }

    /** The request of RFC 9421 Appendix B.2, signed as B.2.3 shows. */
    private static IncomingRequest rfcExampleRequest() {
        Map<String, String> headers = Map.of(
                "Host", "example.com",
                "Date", "Tue, 20 Apr 2021 02:07:55 GMT",
                "Content-Type", "application/json",
                "Content-Digest", "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:",
                "Content-Length", "18",
                "Signature-Input", "sig-b23=(\"date\" \"@method\" \"@path\" \"@query\" \"@authority\" \"content-type\" "
                        + "\"content-digest\" \"content-length\");created=1618884473;keyid=\"test-key-rsa-pss\"",
                "Signature", "sig-b23=:bbN8oArOxYoyylQQUU6QYwrTuaxLwjAC9fbY2F6SVWvh0yBiMIRGOnMYwZ/5MR6fb0Kh1rIRASVxFkeGt683+q"
                        + "RpRRU5p2voTp768ZrCUb38K0fUxN0O0iC59DzYx8DFll5GmydPxSmme9v6ULbMFkl+V5B1TP/yPViV7KsLNmvKiLJH1pFkh/"
                        + "aYA2HXXZzNBXmIkoQoLd7YfW91kE9o/CCoC1xMy7JA1ipwvKvfrs65ldmlu9bpG6A9BmzhuzF8Eim5f8ui9eH8LZH896+QIF"
                        + "61ka39VBrohr9iyMUJpvRX2Zbhl5ZJzSRxpJyoEZAFL2FUo5fTIztsDZKEgM4cUA==:");
        return received("POST", URI.create("https://example.com/foo?param=Value&Pet=dog"), headers,
                "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code Signature-Input} and {@code Signature} for a signature over the given component lines, which the test
     * writes out as RFC 9421 §2.5 says they must read.
     */
    private static Map<String, String> handSigned(String label, String signatureParams, String componentLines,
            PrivateKey key, SignatureAlgorithm algorithm) {
        String base = componentLines + "\"@signature-params\": " + signatureParams;
        return Map.of("Signature-Input", label + "=" + signatureParams,
                "Signature", label + "=:" + signText(key, algorithm, base) + ":");
    }
}
