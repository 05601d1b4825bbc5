package social.tsubame.queue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Lettuce connections for the queues, made by the client Spring configured. One shared connection carries the
 * ordinary commands, pipelined by Lettuce across threads; a blocking read gets a connection of its own, since it
 * would stall everyone sharing it. The client is asked of the factory each time because a stopped and restarted
 * factory makes a new one.
 */
@Component
public class RedisConnections implements DisposableBean {

    private final LettuceConnectionFactory factory;
    private StatefulRedisConnection<String, String> shared;

    public RedisConnections(RedisConnectionFactory connectionFactory) {
        this.factory = (LettuceConnectionFactory) connectionFactory;
    }

    public synchronized StatefulRedisConnection<String, String> shared() {
        if (shared == null || !shared.isOpen()) {
            shared = client().connect(StringCodec.UTF8);
        }
        return shared;
    }

    /** A connection for one blocking reader; the caller closes it. */
    public StatefulRedisConnection<String, String> dedicated() {
        return client().connect(StringCodec.UTF8);
    }

    /** A connection with binary values (for libraries that store their own encoding); the caller closes it. */
    public StatefulRedisConnection<String, byte[]> dedicatedBinary() {
        return client().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    /** A connection for pub/sub subscriptions, which can carry no other command; the caller closes it. */
    public StatefulRedisPubSubConnection<String, String> pubSub() {
        return client().connectPubSub(StringCodec.UTF8);
    }

    private RedisClient client() {
        return (RedisClient) factory.getNativeClient();
    }

    @Override
    public synchronized void destroy() {
        if (shared != null) {
            shared.close();
        }
    }
}
