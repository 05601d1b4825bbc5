package social.tsubame.federation.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a signature's time may stray from ours. A bound in the past limits replays of a captured request; one in
 * the future tolerates a sender whose clock runs ahead, within the same margin.
 */
record TimeWindow(Clock clock, Duration skew) {

    void requireRecent(Instant signedAt, String what) throws SignatureRejectedException {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(skew))) {
            throw new SignatureRejectedException(
                    what + " " + signedAt + " is more than " + skew + " before this server's time " + now);
        }
        if (signedAt.isAfter(now.plus(skew))) {
            throw new SignatureRejectedException(
                    what + " " + signedAt + " is more than " + skew + " after this server's time " + now);
        }
    }

    void requireNotExpired(Instant expires) throws SignatureRejectedException {
        Instant now = clock.instant();
        if (expires.isBefore(now)) {
            throw new SignatureRejectedException("the signature expired at " + expires + ", it is now " + now);
        }
    }
}
