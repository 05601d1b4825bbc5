package social.tsubame.api.statuses;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import social.tsubame.core.ApiException;
import social.tsubame.queue.RedisKeys;

/**
 * Honours {@code Idempotency-Key}: an app that retries a post it is unsure was sent gets the status the first try
 * made, for an hour, instead of a second copy.
 */
@Component
class IdempotentPosts {

    private static final Duration REMEMBERED = Duration.ofHours(1);
    private static final String IN_PROGRESS = "";

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    IdempotentPosts(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Posts once per key and account; returns the id of the status the key stands for. */
    long post(long accountId, Optional<String> idempotencyKey, LongSupplier post) {
        if (idempotencyKey.isEmpty() || idempotencyKey.get().isBlank()) {
            return post.getAsLong();
        }
        String key = keys.key("idempotency:" + accountId + ":" + idempotencyKey.get().strip());
        if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, IN_PROGRESS, REMEMBERED))) {
            String earlier = redis.opsForValue().get(key);
            if (earlier == null || earlier.isEmpty()) {
                throw new ApiException(HttpStatus.CONFLICT, "A request with this Idempotency-Key is in progress");
            }
            return Long.parseLong(earlier);
        }
        try {
            long statusId = post.getAsLong();
            redis.opsForValue().set(key, Long.toString(statusId), REMEMBERED);
            return statusId;
        } catch (RuntimeException e) {
            redis.delete(key);
            throw e;
        }
    }
}
