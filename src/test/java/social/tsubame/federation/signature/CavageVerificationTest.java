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
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import social.tsubame.core.PemKeys;
import social.tsubame.federation.signature.VerifiedSignature.Scheme;
import social.tsubame.testing.PublishedTestKeys;

/** Verifying draft-cavage signatures, the ones Mastodon and most of the fediverse send. */
class CavageVerificationTest {

    private final CavageSigner signer = new CavageSigner();
    private final SignatureVerifier verifier = new SignatureVerifier(Duration.ofMinutes(5), CLOCK);

    @Test
    void aSignedGetVerifies() throws Exception {
        Map<String, String> headers = signer.sign("GET", OUTBOX, NO_BODY, ALICE_SIGNING, NOW);

        VerifiedSignature verified =
                verifier.verify(received("GET", OUTBOX, headers, NO_BODY), keysGiving(ALICE.getPublic()));

        assertThat(verified).isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.DRAFT_CAVAGE));
    }

    @Test
    void aSignedPostVerifies() throws Exception {
        Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);

        VerifiedSignature verified =
                verifier.verify(received("POST", INBOX, headers, FOLLOW), keysGiving(ALICE.getPublic()));

        assertThat(verified).isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.DRAFT_CAVAGE));
    }

    @Test
    void aRequestSignedForAnotherServerIsNotReplayedHere() {
        URI elsewhere = URI.create("https://other.example" + INBOX.getRawPath());
        Map<String, String> headers = signer.sign("POST", elsewhere, FOLLOW, ALICE_SIGNING, NOW);

        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, headers, FOLLOW),
                keysGiving(ALICE.getPublic())))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining("signed for other.example");
    }

    @Test
    void aBodyChangedOnTheWayIsRejected() {
        Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);
        byte[] tampered = new String(FOLLOW, StandardCharsets.UTF_8).replace("Follow", "Block")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, headers, tampered),
                keysGiving(ALICE.getPublic())))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining("Digest sha-256 does not match the body");
    }

    @Test
    void aDigestOfAnotherBodyIsRejectedEvenWhenSigned() {
        byte[] other = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signer.sign("POST", INBOX, other, ALICE_SIGNING, NOW);

        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, headers, FOLLOW),
                keysGiving(ALICE.getPublic())))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining("does not match the body");
    }

    @Test
    void aSha512DigestIsCheckedToo() throws Exception {
        String digest = "SHA-512=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(FOLLOW));
        Map<String, String> good = signedPost(digest);
        assertThat(verifier.verify(received("POST", INBOX, good, FOLLOW), keysGiving(ALICE.getPublic())).keyId())
                .isEqualTo(ALICE_KEY_ID);

        Map<String, String> bad = signedPost(digest.replace(digest.substring(8, 12), "AAAA"));
        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, bad, FOLLOW), keysGiving(ALICE.getPublic())))
                .hasMessageContaining("Digest sha-512 does not match the body");
    }

    @Test
    void aPostWhoseSignatureLeavesOutTheDigestIsRejected() {
        String date = "Thu, 05 Mar 2026 09:04:05 GMT";
        String signature = signText(ALICE.getPrivate(), SignatureAlgorithm.RSA_PKCS1_SHA256, """
                (request-target): post /users/bob/inbox
                host: b.example
                date: Thu, 05 Mar 2026 09:04:05 GMT""");
        Map<String, String> headers = Map.of(
                "Host", "b.example",
                "Date", date,
                "Digest", BodyDigests.digestHeader(FOLLOW),
                "Signature", "keyId=\"" + ALICE_KEY_ID + "\",algorithm=\"rsa-sha256\","
                        + "headers=\"(request-target) host date\",signature=\"" + signature + "\"");

        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, headers, FOLLOW),
                keysGiving(ALICE.getPublic())))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining("the request has a body but the signature does not cover digest");
    }

    @Test
    void aDateOlderThanTheSkewIsRejected() {
        Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW.minusSeconds(6 * 60));

        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, headers, FOLLOW),
                keysGiving(ALICE.getPublic())))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining("Date 2026-03-05T08:58:05Z is more than PT5M before");
    }

    @Test
    void aDateFurtherAheadThanTheSkewIsRejected() {
        Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW.plusSeconds(6 * 60));

        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, headers, FOLLOW),
                keysGiving(ALICE.getPublic())))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining("is more than PT5M after");
    }

    @Test
    void clocksWithinTheSkewAreAccepted() throws Exception {
        for (Instant signedAt : new Instant[] {NOW.minusSeconds(4 * 60), NOW.plusSeconds(4 * 60)}) {
            Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, signedAt);
            assertThat(verifier.verify(received("POST", INBOX, headers, FOLLOW), keysGiving(ALICE.getPublic())))
                    .isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.DRAFT_CAVAGE));
        }
    }

    @Test
    void aSignatureByAnotherKeyIsRejected() {
        Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW,
                new SigningKey(ALICE_KEY_ID, MALLORY.getPrivate()), NOW);

        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, headers, FOLLOW),
                keysGiving(ALICE.getPublic())))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage("the signature does not verify with the key " + ALICE_KEY_ID);
    }

    @Test
    void aSignatureReplayedToAnotherInboxIsRejected() {
        Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);
        URI elsewhere = URI.create("https://b.example/users/carol/inbox");

        assertThatThrownBy(() -> verifier.verify(received("POST", elsewhere, headers, FOLLOW),
                keysGiving(ALICE.getPublic())))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void anUnsignedRequestIsRejected() {
        Map<String, String> headers = Map.of("Host", "b.example", "Date", "Thu, 05 Mar 2026 09:04:05 GMT");

        assertThatThrownBy(() -> verifier.verify(received("GET", OUTBOX, headers, NO_BODY),
                keysGiving(ALICE.getPublic())))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage("request is not signed");
    }

    @Test
    void hs2019IsReadAsRsaSha256() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW));
        headers.put("Signature", headers.get("Signature").replace("algorithm=\"rsa-sha256\"", "algorithm=\"hs2019\""));

        assertThat(verifier.verify(received("POST", INBOX, headers, FOLLOW), keysGiving(ALICE.getPublic())))
                .isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.DRAFT_CAVAGE));
    }

    @Test
    void hs2019WithCreatedInsteadOfDateVerifies() throws Exception {
        long created = NOW.getEpochSecond() - 30;
        String signature = signText(ALICE.getPrivate(), SignatureAlgorithm.RSA_PKCS1_SHA256, """
                (request-target): get /users/alice/outbox?page=true&min_id=0
                host: a.example
                (created): %d""".formatted(created));
        Map<String, String> headers = Map.of("Host", "a.example", "Signature", "keyId=\"" + ALICE_KEY_ID
                + "\",algorithm=\"hs2019\",created=" + created + ",headers=\"(request-target) host (created)\","
                + "signature=\"" + signature + "\"");

        assertThat(verifier.verify(received("GET", OUTBOX, headers, NO_BODY), keysGiving(ALICE.getPublic())))
                .isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.DRAFT_CAVAGE));
    }

    @Test
    void aStaleCreatedIsRejected() {
        long created = NOW.getEpochSecond() - 3600;
        Map<String, String> headers = Map.of("Host", "a.example", "Signature", "keyId=\"" + ALICE_KEY_ID
                + "\",algorithm=\"hs2019\",created=" + created + ",headers=\"(request-target) host (created)\","
                + "signature=\"AAAA\"");

        assertThatThrownBy(() -> verifier.verify(received("GET", OUTBOX, headers, NO_BODY),
                keysGiving(ALICE.getPublic())))
                .hasMessageContaining("created 2026-03-05T08:04:05Z is more than PT5M before");
    }

    @Test
    void anExpiredSignatureIsRejected() {
        Map<String, String> headers = new LinkedHashMap<>(signer.sign("GET", OUTBOX, NO_BODY, ALICE_SIGNING, NOW));
        headers.put("Signature", headers.get("Signature") + ",expires=" + (NOW.getEpochSecond() - 1));

        assertThatThrownBy(() -> verifier.verify(received("GET", OUTBOX, headers, NO_BODY),
                keysGiving(ALICE.getPublic())))
                .hasMessageContaining("the signature expired at 2026-03-05T09:04:04Z");
    }

    @Test
    void headerNamesMatchWhateverTheirCase() throws Exception {
        Map<String, String> signed = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);
        Map<String, String> shouted = Map.of(
                "HOST", signed.get("Host"),
                "date", signed.get("Date"),
                "DiGeSt", signed.get("Digest"),
                "SIGNATURE", signed.get("Signature")
                        .replace("headers=\"(request-target) host date digest\"",
                                "headers=\"(request-target) Host DATE Digest\""));

        assertThat(verifier.verify(received("POST", INBOX, shouted, FOLLOW), keysGiving(ALICE.getPublic())))
                .isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.DRAFT_CAVAGE));
    }

    @Test
    void theSignatureMayComeInAuthorization() throws Exception {
        Map<String, String> signed = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);
        Map<String, String> headers = Map.of("Host", signed.get("Host"), "Date", signed.get("Date"),
                "Digest", signed.get("Digest"), "Authorization", "Signature " + signed.get("Signature"));

        assertThat(verifier.verify(received("POST", INBOX, headers, FOLLOW), keysGiving(ALICE.getPublic())))
                .isEqualTo(new VerifiedSignature(ALICE_KEY_ID, Scheme.DRAFT_CAVAGE));
    }

    @Test
    void anUnknownAlgorithmIsRejected() {
        Map<String, String> headers = new LinkedHashMap<>(signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW));
        headers.put("Signature", headers.get("Signature").replace("rsa-sha256", "rsa-sha1"));

        assertThatThrownBy(() -> verifier.verify(received("POST", INBOX, headers, FOLLOW),
                keysGiving(ALICE.getPublic())))
                .hasMessage("unsupported signature algorithm rsa-sha1");
    }

    @Test
    void aSignatureThatDoesNotCoverTheRequestTargetIsRejected() {
        Map<String, String> headers = Map.of("Host", "a.example", "Date", "Thu, 05 Mar 2026 09:04:05 GMT",
                "Signature", "keyId=\"" + ALICE_KEY_ID + "\",headers=\"host date\",signature=\"AAAA\"");

        assertThatThrownBy(() -> verifier.verify(received("GET", OUTBOX, headers, NO_BODY),
                keysGiving(ALICE.getPublic())))
                .hasMessage("the signature does not cover (request-target)");
    }

    /** draft-cavage-http-signatures-12 Appendix C.3: the all-headers example, with the draft's key and signature. */
    @Test
    void theDraftsAllHeadersExampleVerifies() throws Exception {
        Map<String, String> headers = Map.of(
                "Host", "example.com",
                "Date", "Sun, 05 Jan 2014 21:31:40 GMT",
                "Content-Type", "application/json",
                "Digest", "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=",
                "Content-Length", "18",
                "Signature", "keyId=\"Test\",algorithm=\"rsa-sha256\","
                        + "headers=\"(request-target) host date content-type digest content-length\","
                        + "signature=\"vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1"
                        + "q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=\"");
        IncomingRequest request = received("POST", URI.create("https://example.com/foo?param=value&pet=dog"), headers,
                "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8));
        SignatureVerifier then = new SignatureVerifier(Duration.ofMinutes(5),
                Clock.fixed(Instant.parse("2014-01-05T21:31:40Z"), ZoneOffset.UTC));

        VerifiedSignature verified =
                then.verify(request, keysGiving(PemKeys.publicKeyFromPem(PublishedTestKeys.CAVAGE_TEST_KEY_PUBLIC)));

        assertThat(verified).isEqualTo(new VerifiedSignature("Test", Scheme.DRAFT_CAVAGE));
    }

    private Map<String, String> signedPost(String digest) {
        String date = "Thu, 05 Mar 2026 09:04:05 GMT";
        String signature = signText(ALICE.getPrivate(), SignatureAlgorithm.RSA_PKCS1_SHA256, """
                (request-target): post /users/bob/inbox
                host: b.example
                date: %s
                digest: %s""".formatted(date, digest));
        return Map.of("Host", "b.example", "Date", date, "Digest", digest, "Signature", "keyId=\"" + ALICE_KEY_ID
                + "\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date digest\",signature=\""
                + signature + "\"");
    }
}
