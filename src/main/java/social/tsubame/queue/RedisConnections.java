package social.tsubame.queue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Lettuce connections for the queues, made by the client Spring configured. One shared connection carries the
 * ordinary commands, pipelined by Lettuce across threads; a blocking read gets a connection of its own, since it
 * would stall everyone sharing it.
 */
@Component
public class RedisConnections implements DisposableBean {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> shared;

    public RedisConnections(RedisConnectionFactory connectionFactory) {
        this.client = (RedisClient) ((LettuceConnectionFactory) connectionFactory).getNativeClient();
        this.shared = client.connect(StringCodec.UTF8);
    }

    public StatefulRedisConnection<String, String> shared() {
        return shared;
    }

    /** A connection for one blocking reader; the caller closes it. */
    public StatefulRedisConnection<String, String> dedicated() {
        return client.connect(StringCodec.UTF8);
    }

    @Override
    public void destroy() {
        shared.close();
    }
}
