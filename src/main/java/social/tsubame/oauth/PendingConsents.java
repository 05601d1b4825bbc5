package social.tsubame.oauth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.queue.RedisKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorization requests waiting for the user's answer on the consent page, keyed by the hash of their state (so a copy of Redis cannot answer for the user). They
 * live in Redis so any web process can take the answer, and expire: an unanswered page is simply asked again.
 */
@Component
class PendingConsents {

    private static final Duration LIFETIME = Duration.ofMinutes(15);

    /** What the authorization server must find again when the answer arrives. */
    record PendingConsent(String registeredClientId, String principalName, String redirectUri, Set<String> scopes,
                          String clientState, Map<String, String> parameters) {
    }

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final JsonMapper json;

    PendingConsents(StringRedisTemplate redis, RedisKeys keys, JsonMapper json) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    void put(String stateHash, PendingConsent consent) {
        redis.opsForValue().set(key(stateHash), json.writeValueAsString(consent), LIFETIME);
    }

    Optional<PendingConsent> find(String stateHash) {
        return Optional.ofNullable(redis.opsForValue().get(key(stateHash)))
                .map(value -> json.readValue(value, PendingConsent.class));
    }

    void remove(String stateHash) {
        redis.delete(key(stateHash));
    }

    private String key(String stateHash) {
        return keys.key("oauth:consent:" + stateHash);
    }
}
