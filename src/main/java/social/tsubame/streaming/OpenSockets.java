package social.tsubame.streaming;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;

/** The sockets open in this process, for the heartbeat and the token checks. */
@Component
@Profile(Roles.STREAMING)
class OpenSockets {

    private final Set<StreamingConnection> connections = ConcurrentHashMap.newKeySet();

    void add(StreamingConnection connection) {
        connections.add(connection);
    }

    void remove(StreamingConnection connection) {
        connections.remove(connection);
    }

    Collection<StreamingConnection> all() {
        return Collections.unmodifiableSet(connections);
    }
}
