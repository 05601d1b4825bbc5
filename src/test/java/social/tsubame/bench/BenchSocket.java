package social.tsubame.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A streaming client that notes when each {@code update} event arrived, by status id and by the stream it came on. */
final class BenchSocket implements WebSocket.Listener, AutoCloseable {

    private final Map<String, Long> updateArrivals = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static CompletableFuture<BenchSocket> open(HttpClient client, String baseUrl, String token, String stream) {
        BenchSocket listener = new BenchSocket();
        URI uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/api/v1/streaming?stream=" + stream);
        return client.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .buildAsync(uri, listener)
                .thenApply(socket -> {
                    listener.socket = socket;
                    return listener;
                });
    }

    /** When the update of {@code statusId} first arrived ({@link System#nanoTime()}), or null if it has not. */
    Long updateArrival(String statusId) {
        return updateArrivals.get(statusId);
    }

    /** When the update of {@code statusId} arrived on {@code stream} ({@code user}, {@code public}), or null. */
    Long updateArrival(String stream, String statusId) {
        return updateArrivals.get(stream + " " + statusId);
    }

    /** Subscribes this socket to one more stream, as Mastodon's clients do after opening it. */
    CompletableFuture<WebSocket> subscribe(String stream) {
        return socket.sendText("{\"type\":\"subscribe\",\"stream\":\"" + stream + "\"}", true);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            JsonNode frame = JsonMapper.shared().readTree(partial.toString());
            partial.setLength(0);
            if ("update".equals(frame.path("event").asString())) {
                String id = JsonMapper.shared().readTree(frame.path("payload").asString()).path("id").asString();
                updateArrivals.putIfAbsent(id, now);
                updateArrivals.putIfAbsent(frame.path("stream").path(0).asString() + " " + id, now);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
