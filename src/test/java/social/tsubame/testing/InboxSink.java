package social.tsubame.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpServer;

/**
 * A remote server's inbox on a loopback address, standing for one domain: it records every POST and answers with the
 * status a test chooses per request (by its number), or never answers at all.
 */
public final class InboxSink implements AutoCloseable {

    /** A status that means: accept the request and never answer it. */
    public static final int HANG = -1;

    public record Received(String path, String body, String signature) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile IntUnaryOperator statusForRequest = n -> 202;

    private InboxSink(HttpServer server) {
        this.server = server;
    }

    public static InboxSink start(String loopbackAddress) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(loopbackAddress, 0), 0);
            InboxSink sink = new InboxSink(server);
            server.createContext("/", exchange -> {
                int number = sink.requests.incrementAndGet();
                String body = new String(exchange.getRequestBody().readAllBytes());
                String signature = exchange.getRequestHeaders().getFirst("Signature");
                int status = sink.statusForRequest.applyAsInt(number);
                if (status == HANG) {
                    try {
                        sink.released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                    return;
                }
                if (status >= 200 && status < 300) {
                    sink.received.add(new Received(exchange.getRequestURI().getPath(), body, signature));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status to answer request number n (counting from 1) with. */
    public void answer(IntUnaryOperator statusForRequest) {
        this.statusForRequest = statusForRequest;
    }

    /** Requests answered with a success, oldest first. */
    public List<Received> accepted() {
        return List.copyOf(received);
    }

    /** Every request that arrived, whatever it was answered. */
    public int requestCount() {
        return requests.get();
    }

    /** The domain of accounts living here: {@code 127.0.0.x:port}. */
    public String domain() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + domain();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
