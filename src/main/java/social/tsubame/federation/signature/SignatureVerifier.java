package social.tsubame.federation.signature;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import social.tsubame.federation.signature.Candidate.Plausible;
import social.tsubame.federation.signature.Candidate.Refused;

/**
 * Tells who signed an incoming request, with draft-cavage signatures (what the fediverse sends) or RFC 9421 ones.
 * Every check that needs no key runs first, so that a request bound to fail costs no key fetch.
 */
public final class SignatureVerifier {

    /**
     * A few minutes, as the design asks: wide enough for servers whose clocks drift, narrow enough to limit replays.
     * Senders sign each delivery attempt anew, so retries do not need more.
     */
    public static final Duration DEFAULT_SKEW = Duration.ofMinutes(5);

    private final TimeWindow window;

    /**
     * @param skew  how far a signature's {@code Date} or {@code created} may lie before or after the clock's time
     * @param clock this server's time
     */
    public SignatureVerifier(Duration skew, Clock clock) {
        if (skew.isNegative()) {
            throw new IllegalArgumentException("the skew cannot be negative: " + skew);
        }
        this.window = new TimeWindow(clock, skew);
    }

    /**
     * The key that signed the request. When the request carries several signatures, one that verifies suffices.
     * A signature that does not verify with the key {@code keys} gives makes it fetch the key once more (the owner
     * may have rotated it) before the signature counts as bad.
     *
     * @throws SignatureRejectedException when no signature verifies; answer 401
     * @throws KeyUnavailableException    when no signature verified and a key could not be fetched for now; answer
     *                                    503
     */
    public VerifiedSignature verify(IncomingRequest request, KeyResolver keys)
            throws SignatureRejectedException, KeyUnavailableException {
        List<Candidate> candidates = new ArrayList<>(CavageCandidates.find(request, window));
        candidates.addAll(Rfc9421Candidates.find(request, window));
        if (candidates.isEmpty()) {
            throw new SignatureRejectedException("request is not signed");
        }
        List<String> reasons = new ArrayList<>();
        Set<String> refreshedKeys = new HashSet<>();
        KeyUnavailableException unavailable = null;
        for (Candidate candidate : candidates) {
            switch (candidate) {
                case Refused refused -> reasons.add(refused.reason());
                case Plausible plausible -> {
                    try {
                        Optional<String> failure = failure(plausible, keys, refreshedKeys);
                        if (failure.isEmpty()) {
                            return new VerifiedSignature(plausible.keyId(), plausible.scheme());
                        }
                        reasons.add(failure.get());
                    } catch (KeyUnavailableException e) {
                        unavailable = unavailable == null ? e : unavailable;
                    }
                }
            }
        }
        if (unavailable != null) {
            throw unavailable;
        }
        throw new SignatureRejectedException(String.join("; ", reasons));
    }

    /** Empty when the signature verifies; else why not. */
    private static Optional<String> failure(Plausible signature, KeyResolver keys, Set<String> refreshedKeys)
            throws KeyUnavailableException {
        Optional<PublicKey> known = keys.resolve(signature.keyId(), false);
        if (known.isEmpty()) {
            return Optional.of("the key " + signature.keyId() + " does not exist");
        }
        if (verifies(signature, known.get())) {
            return Optional.empty();
        }
        if (refreshedKeys.add(signature.keyId())) {
            Optional<PublicKey> fetched = keys.resolve(signature.keyId(), true);
            if (fetched.isPresent() && !fetched.equals(known) && verifies(signature, fetched.get())) {
                return Optional.empty();
            }
        }
        return Optional.of("the signature does not verify with the key " + signature.keyId());
    }

    private static boolean verifies(Plausible signature, PublicKey key) {
        return signature.algorithm().verifies(key, signature.signedData(), signature.signature());
    }
}
