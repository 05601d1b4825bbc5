package social.tsubame.federation.web;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;
import social.tsubame.federation.DomainPolicy;
import social.tsubame.queue.RedisConnections;
import social.tsubame.queue.RedisKeys;

/**
 * Counts each remote server's inbox requests in Redis, so that every federation process shares the count, against
 * the limit an operator set for it or the server-wide default ({@code tsubame.federation.inbound-rate-limit}, per
 * minute; 0 for none). Only requests whose signature checked out count: a forged sender cannot use up a real
 * server's allowance.
 */
@Component
@Profile(Roles.FEDERATION)
class InboundRateLimits implements DisposableBean {

    /** Whether the request may go on, and if not, when the sender should try again. */
    record Admission(boolean admitted, Duration retryAfter) {
    }

    private static final Admission ADMITTED = new Admission(true, Duration.ZERO);

    private final DomainPolicy policy;
    private final RedisKeys keys;
    private final int defaultPerMinute;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;

    InboundRateLimits(DomainPolicy policy, RedisKeys keys, RedisConnections connections,
                      @Value("${tsubame.federation.inbound-rate-limit:0}") int defaultPerMinute) {
        this.policy = policy;
        this.keys = keys;
        this.defaultPerMinute = defaultPerMinute;
        this.connection = connections.dedicatedBinary();
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
    }

    Admission admit(String domain) {
        int perMinute = policy.inboundRules(domain).ratePerMinute();
        int limit = perMinute > 0 ? perMinute : defaultPerMinute;
        if (limit <= 0) {
            return ADMITTED;
        }
        // The limit is part of the key: a bucket keeps the configuration it was made with.
        ConsumptionProbe probe = buckets.builder()
                .build(keys.key("ratelimit:inbound:" + domain + ":" + limit), () -> BucketConfiguration.builder()
                        .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
                        .build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return ADMITTED;
        }
        return new Admission(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void destroy() {
        connection.close();
    }
}
