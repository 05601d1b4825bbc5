package social.tsubame.web.ratelimit;

import java.time.Duration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import social.tsubame.queue.RedisConnections;
import social.tsubame.queue.RedisKeys;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "tsubame.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    /** Before Spring Security (at -100), so a flood of sign-ins is turned away before any password is hashed. */
    private static final int ORDER = -110;

    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, byte[]> rateLimitConnection(RedisConnections connections) {
        return connections.dedicatedBinary();
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(StatefulRedisConnection<String, byte[]> rateLimitConnection,
                                                            RateLimitSettings settings, RedisKeys keys) {
        var buckets = Bucket4jLettuce.casBasedBuilder(rateLimitConnection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(buckets, settings, keys));
        registration.setOrder(ORDER);
        return registration;
    }
}
