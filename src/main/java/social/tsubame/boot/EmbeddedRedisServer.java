package social.tsubame.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import redis.embedded.RedisServer;

/**
 * A Redis server run by this JVM, with append-only persistence in a directory that survives restarts; or, when
 * another live process owns that directory, that process's server.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer redis;
    private final DirectoryOwnership ownership;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, DirectoryOwnership ownership, int port) {
        this.redis = redis;
        this.ownership = ownership;
        this.port = port;
    }

    public static EmbeddedRedisServer start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        Path pidFile = dataDirectory.resolve("redis.pid");
        Path portFile = dataDirectory.resolve("redis.port");
        Optional<DirectoryOwnership> ownership = DirectoryOwnership.tryTake(dataDirectory);
        if (ownership.isEmpty()) {
            return new EmbeddedRedisServer(null, null, Integer.parseInt(Files.readString(portFile).trim()));
        }
        StaleProcess.stopIfRunning(pidFile, "redis-server", Duration.ofSeconds(10));
        int chosenPort = port > 0 ? port : freePort();
        RedisServer redis = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(chosenPort)
                .setting("dir " + dataDirectory.toAbsolutePath())
                .setting("pidfile " + pidFile.toAbsolutePath())
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .setting("save \"\"")
                .onShutdownForceStop(true)
                .build();
        redis.start();
        Files.writeString(portFile, Integer.toString(chosenPort));
        return new EmbeddedRedisServer(redis, ownership.get(), chosenPort);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        if (redis != null) {
            redis.stop();
            ownership.close();
        }
    }
}
