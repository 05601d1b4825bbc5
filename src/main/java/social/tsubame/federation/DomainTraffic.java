package social.tsubame.federation;

import java.time.Instant;

/**
 * What we know and have decided about the traffic with one remote server.
 *
 * @param inboundThrottled      its activities wait on {@code ingress:low}
 * @param inboundRatePerMinute  the most activities accepted from it per minute; 0 when no limit of its own is set
 * @param unavailableSince      when deliveries to it were given up for failing too long; null while it is reachable
 * @param failureCount          deliveries that failed since the last success
 */
public record DomainTraffic(String domain, boolean inboundThrottled, int inboundRatePerMinute,
                            Instant unavailableSince, int failureCount, Instant lastSuccessAt,
                            Instant lastFailureAt) {

    static DomainTraffic unknown(String domain) {
        return new DomainTraffic(domain, false, 0, null, 0, null, null);
    }
}
