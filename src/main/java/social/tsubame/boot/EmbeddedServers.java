package social.tsubame.boot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded servers of this JVM, one per data directory, shared by every application context that uses that
 * directory (several contexts live in one JVM in tests) and stopped when the last of them closes.
 */
public final class EmbeddedServers {

    private record Shared(AutoCloseable server, int users) {
        Shared withUsers(int delta) {
            return new Shared(server, users + delta);
        }
    }

    private static final Map<Path, Shared> RUNNING = new HashMap<>();

    private EmbeddedServers() {
    }

    public static synchronized EmbeddedPostgresServer postgres(Path directory, int port) throws IOException {
        Shared shared = RUNNING.get(directory);
        if (shared == null) {
            shared = new Shared(EmbeddedPostgresServer.start(directory, port), 0);
        }
        RUNNING.put(directory, shared.withUsers(1));
        return (EmbeddedPostgresServer) shared.server();
    }

    public static synchronized EmbeddedRedisServer redis(Path directory, int port) throws IOException {
        Shared shared = RUNNING.get(directory);
        if (shared == null) {
            shared = new Shared(EmbeddedRedisServer.start(directory, port), 0);
        }
        RUNNING.put(directory, shared.withUsers(1));
        return (EmbeddedRedisServer) shared.server();
    }

    public static synchronized void release(Path directory) throws Exception {
        Shared shared = RUNNING.get(directory);
        if (shared == null) {
            return;
        }
        if (shared.users() > 1) {
            RUNNING.put(directory, shared.withUsers(-1));
            return;
        }
        RUNNING.remove(directory);
        shared.server().close();
    }
}
