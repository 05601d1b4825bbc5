package social.tsubame.streaming;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;
import social.tsubame.queue.RedisConnections;
import tools.jackson.databind.json.JsonMapper;

/**
 * Multiplexes the Redis channels onto this process's sockets over one pub/sub connection: a channel is subscribed
 * while at least one socket listens to it. A channel's subscriptions are a hash set, since one such as
 * {@code public} has one for every socket of the process, and each socket's own are kept too: a socket opening or
 * closing costs the same with ten thousand others as with none. Messages are handed to the sockets by one thread, in the order Redis
 * delivered them, and each socket sends on its own, so the Redis connection's thread never waits for a client.
 * Statuses go through each signed-in viewer's blocks and mutes (public streams) and filters first; a frame is built
 * once per stream name unless a viewer's filters change its payload.
 */
@Component
@Profile(Roles.STREAMING)
class ChannelSubscriptions implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChannelSubscriptions.class);

    private record Subscription(StreamingConnection connection, Stream stream) {
    }

    private record Frame(List<String> stream, String event,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String payload) {
    }

    private final RedisConnections redis;
    private final RedisPubSubAdapter<String, String> messages = new RedisPubSubAdapter<>() {
        @Override
        public void message(String channel, String message) {
            dispatcher.execute(() -> dispatch(channel, message));
        }
    };
    /** Opened on start, closed on stop, since the Redis client it belongs to is stopped and made anew with it. */
    private StatefulRedisPubSubConnection<String, String> pubSub;
    private final HiddenAuthors hidden;
    private final ViewerStatusFilters statusFilters;
    private final JsonMapper json;
    private final Map<String, Set<Subscription>> byChannel = new ConcurrentHashMap<>();
    /** Each socket's own subscriptions, so that closing it touches those channels only; changed under the lock. */
    private final Map<StreamingConnection, Set<Subscription>> byConnection = new HashMap<>();
    private final ExecutorService dispatcher =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("streaming-dispatch").factory());

    ChannelSubscriptions(RedisConnections redis, HiddenAuthors hidden, ViewerStatusFilters statusFilters,
                         JsonMapper json) {
        this.hidden = hidden;
        this.statusFilters = statusFilters;
        this.json = json;
        this.redis = redis;
    }

    /** Connects, and listens again to the channels sockets were listening to when the connection was stopped. */
    @Override
    public synchronized void start() {
        pubSub = redis.pubSub();
        pubSub.addListener(messages);
        if (!byChannel.isEmpty()) {
            pubSub.sync().subscribe(byChannel.keySet().toArray(String[]::new));
        }
    }

    @Override
    public synchronized void stop() {
        if (pubSub != null) {
            pubSub.close();
            pubSub = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return pubSub != null;
    }

    synchronized void subscribe(StreamingConnection connection, Stream stream) {
        Subscription subscription = new Subscription(connection, stream);
        for (String channel : stream.channels()) {
            Set<Subscription> subscriptions = byChannel.computeIfAbsent(channel,
                    key -> ConcurrentHashMap.newKeySet());
            if (subscriptions.isEmpty() && pubSub != null) {
                pubSub.sync().subscribe(channel);
            }
            subscriptions.add(subscription);
        }
        byConnection.computeIfAbsent(connection, key -> new HashSet<>()).add(subscription);
    }

    synchronized void unsubscribe(StreamingConnection connection, Stream stream) {
        Subscription subscription = new Subscription(connection, stream);
        Set<Subscription> own = byConnection.get(connection);
        if (own == null || !own.remove(subscription)) {
            return;
        }
        if (own.isEmpty()) {
            byConnection.remove(connection);
        }
        removeFromChannels(subscription);
    }

    synchronized void unsubscribeAll(StreamingConnection connection) {
        Set<Subscription> own = byConnection.remove(connection);
        if (own != null) {
            own.forEach(this::removeFromChannels);
        }
    }

    /** How many sockets listen to a channel in this process. */
    int listeners(String channel) {
        Set<Subscription> subscriptions = byChannel.get(channel);
        return subscriptions == null ? 0 : subscriptions.size();
    }

    private void removeFromChannels(Subscription subscription) {
        for (String channel : subscription.stream().channels()) {
            Set<Subscription> subscriptions = byChannel.get(channel);
            if (subscriptions == null || !subscriptions.remove(subscription) || !subscriptions.isEmpty()) {
                continue;
            }
            byChannel.remove(channel);
            if (pubSub != null) {
                pubSub.sync().unsubscribe(channel);
            }
        }
    }

    private void dispatch(String channel, String message) {
        Set<Subscription> subscriptions = byChannel.get(channel);
        if (subscriptions == null || subscriptions.isEmpty()) {
            return;
        }
        StreamEvent event;
        try {
            event = json.readValue(message, StreamEvent.class);
        } catch (RuntimeException e) {
            log.warn("Could not read a message of channel {}", channel, e);
            return;
        }
        StreamedStatus status = event.carriesStatus() ? new StreamedStatus(event.payload(), json) : null;
        Map<List<String>, StreamFrame> frames = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            try {
                deliver(subscription, event, status, frames);
            } catch (RuntimeException e) {
                // Rather nothing for this socket than a status its viewer's blocks or filters were not asked about.
                log.warn("Could not stream a message of channel {} to a socket", channel, e);
            }
        }
    }

    /** @param frames the frames built so far for this event, by stream name, shared by the sockets they suit */
    private void deliver(Subscription subscription, StreamEvent event, StreamedStatus status,
                         Map<List<String>, StreamFrame> frames) {
        StreamingConnection connection = subscription.connection();
        Stream stream = subscription.stream();
        if (stream.isSystem()) {
            onSystemEvent(connection, event);
            return;
        }
        Optional<Long> viewer = connection.viewerId();
        String personalPayload = null;
        if (status != null && viewer.isPresent()) {
            if (stream.hidesBlockedAuthors() && hidden.hides(viewer.get(), status.authors())) {
                return;
            }
            if (stream.filterContext() != null) {
                StatusFilterOutcome outcome = statusFilters.apply(connection, viewer.get(), stream.filterContext(),
                        status);
                if (outcome.hidden()) {
                    return;
                }
                personalPayload = outcome.payloadWithMatches();
            }
        }
        connection.send(personalPayload != null ? frame(stream.name(), event.event(), personalPayload)
                : frames.computeIfAbsent(stream.name(), name -> frame(name, event.event(), event.payload())));
    }

    private static void onSystemEvent(StreamingConnection connection, StreamEvent event) {
        if (StreamEvent.FILTERS_CHANGED.equals(event.event())) {
            connection.filters().forget();
        }
    }

    private StreamFrame frame(List<String> stream, String event, String payload) {
        return new StreamFrame(stream, event, payload, json.writeValueAsString(new Frame(stream, event, payload)));
    }

    @Override
    public void destroy() {
        dispatcher.shutdownNow();
    }
}
