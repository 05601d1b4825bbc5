package social.tsubame.streaming;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

import social.tsubame.boot.Roles;

/**
 * The streaming connections open in this process, for the heartbeat and the token checks. When the process stops,
 * they are closed (1001, going away) before the web server waits for requests to finish: an event stream would
 * otherwise hold the shutdown until its client leaves, and the clients reconnect to another process.
 */
@Component
@Profile(Roles.STREAMING)
class OpenSockets implements SmartLifecycle {

    private final Set<StreamingConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    void add(StreamingConnection connection) {
        connections.add(connection);
    }

    void remove(StreamingConnection connection) {
        connections.remove(connection);
    }

    Collection<StreamingConnection> all() {
        return Collections.unmodifiableSet(connections);
    }

    @Override
    public void start() {
        running = true;
    }

    /** In the default phase, which stops before the web server's graceful shutdown. */
    @Override
    public void stop() {
        running = false;
        connections.forEach(connection -> connection.close(CloseStatus.GOING_AWAY));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
