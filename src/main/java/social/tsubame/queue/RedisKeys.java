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

    /** Present while an operator has paused the queue. */
    String paused(QueueName queue) {
        return stream(queue) + ":paused";
    }

    /** Present, with a short expiry renewed by the consumers, while back-pressure slows the queue. */
    String slowed(QueueName queue) {
        return stream(queue) + ":slowed";
    }

    /** Jobs of the queue completed in one ten-second window starting at {@code windowStartSeconds}. */
    String completed(QueueName queue, long windowStartSeconds) {
        return stream(queue) + ":completed:" + windowStartSeconds;
    }

    String dedupe(String key) {
        return key("dedupe:" + key);
    }
}
