package social.tsubame.federation.http;

import java.io.IOException;
import java.time.Duration;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on 127.0.0.1, answering each path as told and recording every request it receives. */
final class LoopbackServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Received(String method, String path, Headers headers, byte[] body) {
    }

    @FunctionalInterface
    interface Answer {
        void respond(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 0), 0);
        // Handlers that stall must not stall the server: each exchange gets a thread of its own.
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
                answers.getOrDefault(exchange.getRequestURI().getPath(), status(404)).respond(exchange);
            }
        });
        server.start();
    }

    LoopbackServer on(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    static Answer status(int status) {
        return exchange -> exchange.sendResponseHeaders(status, -1);
    }

    static Answer body(int status, String contentType, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    static Answer redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        };
    }

    /** {@code length} bytes, announced in Content-Length or, when {@code chunked}, not announced at all. */
    static Answer bytes(int length, boolean chunked) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, chunked ? 0 : length);
            byte[] chunk = new byte[8192];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int sent = 0; sent < length; sent += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, length - sent));
                }
            } catch (IOException clientWentAway) {
                // Expected: a client stops reading at its limit and drops the connection.
            }
        };
    }

    /** A body that never ends, streamed for as long as the client reads it. */
    static Answer endless() {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            try (OutputStream out = exchange.getResponseBody()) {
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(chunk);
                }
            } catch (IOException clientWentAway) {
                // Expected: a client stops reading at its limit and drops the connection.
            }
        };
    }

    /** Never answers: the request hangs until the server is closed. */
    static Answer silence() {
        return exchange -> sleepUntilClosed();
    }

    /** Sends the headers and the start of a body, then nothing more. */
    static Answer stallAfterStart() {
        return exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write(new byte[10]);
            exchange.getResponseBody().flush();
            sleepUntilClosed();
        };
    }

    /** Sends the headers, then one byte of the body every {@code interval}: never quite silent, never done. */
    static Answer trickle(Duration interval) {
        return exchange -> {
            exchange.sendResponseHeaders(200, 100_000);
            try {
                for (int i = 0; i < 100_000; i++) {
                    exchange.getResponseBody().write('x');
                    exchange.getResponseBody().flush();
                    Thread.sleep(interval);
                }
            } catch (InterruptedException | IOException closing) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static void sleepUntilClosed() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }
}
