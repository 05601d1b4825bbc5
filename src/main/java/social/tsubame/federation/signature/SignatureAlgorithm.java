package social.tsubame.federation.signature;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/** The signature algorithms we accept. Both schemes name them differently; each maps its names here. */
enum SignatureAlgorithm {

    /** RSASSA-PKCS1-v1_5 with SHA-256: draft-cavage's rsa-sha256 and hs2019, RFC 9421's rsa-v1_5-sha256. */
    RSA_PKCS1_SHA256("SHA256withRSA", null),

    /** RFC 9421 §3.3.1: RSASSA-PSS with SHA-512, MGF1 with SHA-512 and a 64-byte salt. */
    RSA_PSS_SHA512("RSASSA-PSS", new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));

    private final String jdkName;
    private final AlgorithmParameterSpec parameters;

    SignatureAlgorithm(String jdkName, AlgorithmParameterSpec parameters) {
        this.jdkName = jdkName;
        this.parameters = parameters;
    }

    byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = instance();
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("this key cannot sign with " + this + ": " + e.getMessage(), e);
        } catch (SignatureException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** False for any key but an RSA one, and for a signature that is malformed rather than merely wrong. */
    boolean verifies(PublicKey key, byte[] data, byte[] signatureBytes) {
        if (!(key instanceof RSAPublicKey)) {
            return false;
        }
        try {
            Signature signature = instance();
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        }
    }

    private Signature instance() {
        try {
            Signature signature = Signature.getInstance(jdkName);
            if (parameters != null) {
                signature.setParameter(parameters);
            }
            return signature;
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException(jdkName + " is not available in this JVM", e);
        }
    }
}
