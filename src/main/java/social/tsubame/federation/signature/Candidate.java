package social.tsubame.federation.signature;

import social.tsubame.federation.signature.VerifiedSignature.Scheme;

/** One signature found on a request, after every check that needs no key. */
sealed interface Candidate {

    /**
     * Passed every check but the cryptographic one.
     *
     * @param signedData the exact bytes the signature must be over
     */
    record Plausible(String keyId, Scheme scheme, SignatureAlgorithm algorithm, byte[] signedData, byte[] signature)
            implements Candidate {
    }

    record Refused(String reason) implements Candidate {
    }
}
