package social.tsubame.streaming;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;

import org.springframework.stereotype.Component;

import social.tsubame.queue.RedisConnections;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events to channels for whichever streaming process has sockets listening. Pub/sub keeps nothing: a
 * socket that is not connected when an event goes out never sees it, as with Mastodon.
 */
@Component
class StreamPublisher {

    private final RedisConnections redis;
    private final JsonMapper json;

    StreamPublisher(RedisConnections redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    void publish(StreamEvent event, Collection<String> channels) {
        if (channels.isEmpty()) {
            return;
        }
        String message = json.writeValueAsString(event);
        RedisAsyncCommands<String, String> commands = redis.shared().async();
        List<RedisFuture<Long>> sent = channels.stream().map(channel -> commands.publish(channel, message)).toList();
        if (!LettuceFutures.awaitAll(10, TimeUnit.SECONDS, sent.toArray(RedisFuture[]::new))) {
            throw new IllegalStateException("Redis did not take " + event.event() + " events in time");
        }
    }
}
