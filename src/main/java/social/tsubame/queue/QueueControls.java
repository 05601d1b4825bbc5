package social.tsubame.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import org.springframework.stereotype.Component;

/**
 * What operators and back-pressure set on a queue, kept in Redis so that every process sees the same: a paused queue
 * is left alone by all its consumers until resumed, and its jobs wait in the stream meanwhile.
 */
@Component
public class QueueControls {

    private final RedisConnections connections;
    private final RedisKeys keys;
    private final Clock clock;

    QueueControls(RedisConnections connections, RedisKeys keys, Clock clock) {
        this.connections = connections;
        this.keys = keys;
        this.clock = clock;
    }

    private RedisCommands<String, String> redis() {
        return connections.shared().sync();
    }

    /** Consumers finish what they hold and take nothing new; returns false if the queue was paused already. */
    public boolean pause(QueueName queue) {
        return "OK".equals(redis().set(keys.paused(queue), Long.toString(clock.millis()), SetArgs.Builder.nx()));
    }

    /** Consumers take jobs again; returns false if the queue was not paused. */
    public boolean resume(QueueName queue) {
        return redis().del(keys.paused(queue)) > 0;
    }

    /** The paused queues, read in one command. */
    public Set<QueueName> pausedQueues() {
        List<QueueName> all = List.of(QueueName.values());
        List<KeyValue<String, String>> values = redis().mget(all.stream().map(keys::paused).toArray(String[]::new));
        Set<QueueName> paused = EnumSet.noneOf(QueueName.class);
        for (int i = 0; i < all.size(); i++) {
            if (values.get(i).hasValue()) {
                paused.add(all.get(i));
            }
        }
        return paused;
    }

    /** Says, for {@code ttl}, that back-pressure slows the queue; consumers renew it while it lasts. */
    void markSlowed(QueueName queue, Duration ttl) {
        redis().set(keys.slowed(queue), Long.toString(clock.millis()), SetArgs.Builder.px(ttl.toMillis()));
    }
}
