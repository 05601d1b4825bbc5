package social.tsubame.account;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.queue.RedisKeys;

/**
 * When a user last used the server, kept to the hour: home feeds are only filled for people who come by, and the
 * server's activity counts come from it. Redis remembers the hour so the database is written once per user per
 * hour, not on every request.
 */
@Component
public class RecentActivity {

    private static final Duration GRANULARITY = Duration.ofHours(1);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final JdbcTemplate jdbc;

    public RecentActivity(StringRedisTemplate redis, RedisKeys keys, JdbcTemplate jdbc) {
        this.redis = redis;
        this.keys = keys;
        this.jdbc = jdbc;
    }

    public void seen(long userId) {
        if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(keys.key("active:" + userId), "1", GRANULARITY))) {
            jdbc.update("UPDATE users SET current_sign_in_at = now() WHERE id = ?", userId);
        }
    }
}
