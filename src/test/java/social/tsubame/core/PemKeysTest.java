package social.tsubame.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

import org.junit.jupiter.api.Test;

import social.tsubame.testing.PublishedTestKeys;

class PemKeysTest {

    @Test
    void readsTheKeysItGenerates() throws Exception {
        PemKeys.PemKeyPair pair = PemKeys.generateRsa();

        PublicKey publicKey = PemKeys.publicKeyFromPem(pair.publicKeyPem());
        PrivateKey privateKey = PemKeys.privateKeyFromPem(pair.privateKeyPem());

        assertThat(((RSAPublicKey) publicKey).getModulus().bitLength()).isEqualTo(2048);
        assertThat(signsFor(privateKey, publicKey)).isTrue();
    }

    @Test
    void readsPkcs1KeysAsOtherSoftwareWritesThem() throws Exception {
        PublicKey publicKey = PemKeys.publicKeyFromPem(PublishedTestKeys.RFC9421_TEST_KEY_RSA_PUBLIC);
        PrivateKey privateKey = PemKeys.privateKeyFromPem(PublishedTestKeys.RFC9421_TEST_KEY_RSA_PRIVATE);

        assertThat(((RSAPublicKey) publicKey).getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(((RSAPublicKey) publicKey).getModulus()).isEqualTo(((RSAPrivateCrtKey) privateKey).getModulus());
        assertThat(signsFor(privateKey, publicKey)).isTrue();
    }

    @Test
    void readsAKeyPublishedWithCarriageReturnsAndIndentation() {
        String messy = PublishedTestKeys.CAVAGE_TEST_KEY_PUBLIC.replace("\n", "\r\n    ");

        assertThat(PemKeys.publicKeyFromPem(messy)).isEqualTo(
                PemKeys.publicKeyFromPem(PublishedTestKeys.CAVAGE_TEST_KEY_PUBLIC));
    }

    @Test
    void refusesTextWithoutAPemBlock() {
        assertThatThrownBy(() -> PemKeys.publicKeyFromPem("ssh-rsa AAAAB3NzaC1yc2E"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no PEM block");
        assertThatThrownBy(() -> PemKeys.publicKeyFromPem(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAPrivateKeyWhereAPublicOneBelongs() {
        assertThatThrownBy(() -> PemKeys.publicKeyFromPem(PublishedTestKeys.RFC9421_TEST_KEY_RSA_PRIVATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a PUBLIC KEY or RSA PUBLIC KEY, found RSA PRIVATE KEY");
        assertThatThrownBy(() -> PemKeys.privateKeyFromPem(PublishedTestKeys.RFC9421_TEST_KEY_RSA_PUBLIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a PRIVATE KEY or RSA PRIVATE KEY, found RSA PUBLIC KEY");
    }

    @Test
    void refusesABodyThatIsNotBase64() {
        assertThatThrownBy(() -> PemKeys.publicKeyFromPem("-----BEGIN PUBLIC KEY-----\nnot*base64\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the PUBLIC KEY block is not valid base64");
    }

    @Test
    void refusesBytesThatAreNoKey() {
        String garbage = "AAECAwQFBgcICQ==";
        for (String label : new String[] {"PUBLIC KEY", "RSA PUBLIC KEY"}) {
            assertThatThrownBy(() -> PemKeys.publicKeyFromPem(pem(label, garbage)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a valid");
        }
        for (String label : new String[] {"PRIVATE KEY", "RSA PRIVATE KEY"}) {
            assertThatThrownBy(() -> PemKeys.privateKeyFromPem(pem(label, garbage)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a valid");
        }
    }

    @Test
    void refusesAKeyOfAnotherKind() {
        String ed25519 = pem("PUBLIC KEY", "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=");

        assertThatThrownBy(() -> PemKeys.publicKeyFromPem(ed25519))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid RSA public key");
    }

    private static String pem(String label, String base64) {
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }

    private static boolean signsFor(PrivateKey privateKey, PublicKey publicKey) throws Exception {
        byte[] message = "hello".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(message);
        return verifier.verify(signature);
    }
}
