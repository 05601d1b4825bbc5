package social.tsubame.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static social.tsubame.federation.signature.SignatureTesting.FOLLOW;
import static social.tsubame.federation.signature.SignatureTesting.INBOX;
import static social.tsubame.federation.signature.SignatureTesting.NOW;
import static social.tsubame.federation.signature.SignatureTesting.NO_BODY;
import static social.tsubame.federation.signature.TestKeys.ALICE_KEY_ID;
import static social.tsubame.federation.signature.TestKeys.ALICE_SIGNING;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import social.tsubame.core.PemKeys;
import social.tsubame.testing.PublishedTestKeys;

/** Signing outgoing requests as Mastodon does. */
class CavageSignerTest {

    private final CavageSigner signer = new CavageSigner();

    @Test
    void aPostGetsHostDateDigestAndASignatureOverThem() {
        Map<String, String> headers = signer.sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);

        assertThat(headers.keySet()).containsExactly("Host", "Date", "Digest", "Signature");
        assertThat(headers.get("Host")).isEqualTo("b.example");
        assertThat(headers.get("Date")).isEqualTo("Thu, 05 Mar 2026 09:04:05 GMT");
        assertThat(headers.get("Digest")).isEqualTo(BodyDigests.digestHeader(FOLLOW)).startsWith("SHA-256=");
        assertThat(headers.get("Signature")).matches("keyId=\"" + ALICE_KEY_ID.replace(".", "\\.")
                + "\",algorithm=\"rsa-sha256\",headers=\"\\(request-target\\) host date digest\",signature=\"[A-Za-z0-9+/=]+\"");
    }

    @Test
    void aGetWithoutBodySignsNoDigest() {
        Map<String, String> headers = signer.sign("GET", URI.create("https://b.example/users/bob"), NO_BODY,
                ALICE_SIGNING, NOW);

        assertThat(headers.keySet()).containsExactly("Host", "Date", "Signature");
        assertThat(headers.get("Signature")).contains("headers=\"(request-target) host date\"");
    }

    @Test
    void theDateHasTwoDigitDays() {
        Map<String, String> headers = signer.sign("GET", INBOX, NO_BODY, ALICE_SIGNING,
                Instant.parse("2026-11-01T00:00:09Z"));

        assertThat(headers.get("Date")).isEqualTo("Sun, 01 Nov 2026 00:00:09 GMT");
    }

    @Test
    void hostCarriesThePortOnlyWhenItIsNotTheDefault() {
        assertThat(signer.sign("GET", URI.create("https://b.example:8443/inbox"), NO_BODY, ALICE_SIGNING, NOW)
                .get("Host")).isEqualTo("b.example:8443");
        assertThat(signer.sign("GET", URI.create("https://b.example:443/inbox"), NO_BODY, ALICE_SIGNING, NOW)
                .get("Host")).isEqualTo("b.example");
        assertThat(signer.sign("GET", URI.create("http://localhost:80/inbox"), NO_BODY, ALICE_SIGNING, NOW)
                .get("Host")).isEqualTo("localhost");
    }

    @Test
    void onlyRsaKeysSign() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");

        assertThatThrownBy(() -> new SigningKey(ALICE_KEY_ID, ec.generateKeyPair().getPrivate()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RSA");
    }

    /**
     * A known answer: RSASSA-PKCS1-v1_5 is deterministic, so the signature over the signing string below is fixed.
     * The expected value was computed with OpenSSL ({@code openssl dgst -sha256 -sign}) over that string with RFC
     * 9421's test-key-rsa: it checks this signer against an independent one, but it is not a published vector.
     */
    @Test
    void signsWhatMastodonSigns() {
        SigningKey rfcKey = new SigningKey("test-key-rsa",
                PemKeys.privateKeyFromPem(PublishedTestKeys.RFC9421_TEST_KEY_RSA_PRIVATE));
        String signingString = """
                (request-target): post /foo?param=Value&Pet=dog
                host: example.com
                date: Tue, 20 Apr 2021 02:07:55 GMT
                digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=""";

        Map<String, String> headers = signer.sign("POST", URI.create("https://example.com/foo?param=Value&Pet=dog"),
                "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8), rfcKey,
                Instant.parse("2021-04-20T02:07:55Z"));

        assertThat(headers).containsExactly(
                Map.entry("Host", "example.com"),
                Map.entry("Date", "Tue, 20 Apr 2021 02:07:55 GMT"),
                Map.entry("Digest", "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="),
                Map.entry("Signature", "keyId=\"test-key-rsa\",algorithm=\"rsa-sha256\","
                        + "headers=\"(request-target) host date digest\",signature=\""
                        + "BrCFlzat9agVPEN7jy6MEu41zBU0rG+KLU+bCelQwkQZze6PIJRi1nDduM5/WVegiMCBkzCz3S3HYD76drefKRsv3vdF/"
                        + "uxc6rswlblDAnAfz/UGE4lePEko3yoAluMsOsaHUydfmZJfjG3mL2fiJqqN/b5vLt5dxdwiuOWy2lta4zoWiZzEZGczi"
                        + "AByp5GNmlvC1z4YP2O27fTfLJM9cCuoi7mkd+z20qqlX86dSHjmb96yMyFmk0ZSh/n8wMg2YMeb0OBgl5Sha/JRE6l/if"
                        + "5pEPwgNiOgBQ9DnGU1K5Hm+jaPgTlTxci0/f2c5rFq9/ExWtvvJTefTmDkbP7Zng==\""));
        byte[] signature = Base64.getDecoder().decode(headers.get("Signature").replaceAll(".*signature=\"(.*)\"", "$1"));
        assertThat(SignatureAlgorithm.RSA_PKCS1_SHA256.verifies(
                PemKeys.publicKeyFromPem(PublishedTestKeys.RFC9421_TEST_KEY_RSA_PUBLIC),
                signingString.getBytes(StandardCharsets.US_ASCII), signature)).isTrue();
    }
}
