package social.tsubame.queue;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every Redis key the application uses, behind the configured namespace so that several servers (or test runs) can
 * share one Redis.
 */
@Component
public class RedisKeys {

    private final String prefix;

    public RedisKeys(@Value("${tsubame.redis.namespace:}") String namespace) {
        this.prefix = namespace == null || namespace.isBlank() ? "" : namespace + ":";
    }

    public String key(String name) {
        return prefix + name;
    }

    String stream(QueueName queue) {
        return key("queue:" + queue.queueName());
    }

    String scheduled(QueueName queue) {
        return stream(queue) + ":scheduled";
    }

    String deadLetters(QueueName queue) {
        return stream(queue) + ":dead";
    }

    String dedupe(String key) {
        return key("dedupe:" + key);
    }
}
