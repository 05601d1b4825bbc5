package social.tsubame.streaming;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A streaming socket as an app opens it, keeping every frame it receives and how it was closed. */
final class StreamingClient implements AutoCloseable {

    private static final JsonMapper json = JsonMapper.shared();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames;
    private final CompletableFuture<Integer> closed;

    private StreamingClient(WebSocket socket, BlockingQueue<JsonNode> frames, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.frames = frames;
        this.closed = closed;
    }

    /** Opens {@code /api/v1/streaming} plus {@code query}, with {@code headers} on the handshake. */
    static CompletableFuture<StreamingClient> open(String baseUrl, String query, Map<String, String> headers,
                                                   String... subprotocols) {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        URI uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/api/v1/streaming" + query);
        return builder.buildAsync(uri, new Collector(frames, closed))
                .thenApply(socket -> new StreamingClient(socket, frames, closed));
    }

    static StreamingClient connect(String baseUrl, String query) {
        return open(baseUrl, query, Map.of()).join();
    }

    void send(Map<String, String> message) {
        socket.sendText(json.writeValueAsString(message), true).join();
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    /** The first frame from now on that matches, skipping others; empty when none came within {@code wait}. */
    Optional<JsonNode> next(Predicate<JsonNode> matching, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode frame = frames.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            if (frame == null) {
                return Optional.empty();
            }
            if (matching.test(frame)) {
                return Optional.of(frame);
            }
        }
    }

    /** The close code the server sent. */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static final class Collector implements WebSocket.Listener {

        private final BlockingQueue<JsonNode> frames;
        private final CompletableFuture<Integer> closed;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<JsonNode> frames, CompletableFuture<Integer> closed) {
            this.frames = frames;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(json.readTree(partial.toString()));
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
