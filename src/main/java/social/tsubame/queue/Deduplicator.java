package social.tsubame.queue;

import java.time.Duration;

import io.lettuce.core.SetArgs;

import org.springframework.stereotype.Component;

/**
 * Remembers keys for a while, so that work arriving twice (the same activity from two inboxes, a job retried after
 * its work committed) is recognised. Keys expire: this bounds memory, not correctness, which handlers keep by being
 * idempotent.
 */
@Component
public class Deduplicator {

    private final RedisConnections connections;
    private final RedisKeys keys;

    public Deduplicator(RedisConnections connections, RedisKeys keys) {
        this.connections = connections;
        this.keys = keys;
    }

    /** True the first time a key is seen within {@code ttl}; false on every later call until it expires. */
    public boolean firstTime(String key, Duration ttl) {
        String reply = connections.shared().sync().set(keys.dedupe(key), "1", SetArgs.Builder.nx().px(ttl));
        return "OK".equals(reply);
    }

    /** Whether the key was remembered and has not yet expired. */
    public boolean seen(String key) {
        return connections.shared().sync().exists(keys.dedupe(key)) > 0;
    }

    /** Remembers the key, typically after the work it stands for committed. */
    public void remember(String key, Duration ttl) {
        connections.shared().sync().set(keys.dedupe(key), "1", SetArgs.Builder.px(ttl));
    }
}
