package social.tsubame.streaming;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;

import social.tsubame.web.auth.ApiToken;
import social.tsubame.web.auth.Caller;

/**
 * One client of the streaming API and who opened it: a WebSocket, or an HTTP response of server-sent events. What
 * it is sent waits in a bounded queue that a virtual thread of its own writes in order, so a client that reads
 * slowly stalls nobody else; one that falls {@code capacity} items behind is disconnected rather than holding ever
 * more memory.
 */
abstract class StreamingConnection {

    private static final Logger log = LoggerFactory.getLogger(StreamingConnection.class);

    /** What waits in the queue. */
    sealed interface Outgoing permits StreamFrame, Heartbeat, Closing, RawText {
    }

    /** Keeps proxies from dropping a quiet connection, and finds dead ones. */
    enum Heartbeat implements Outgoing {
        INSTANCE
    }

    /** Stands in the queue for the close that follows the items before it. */
    record Closing(CloseStatus status) implements Outgoing {
    }

    /** Text the transport sends as it is: a WebSocket's error frame. */
    record RawText(String text) implements Outgoing {
    }

    private final Optional<String> bearerToken;
    private final Optional<ApiToken> token;
    private final BlockingQueue<Outgoing> outgoing;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ConnectionFilters filters = new ConnectionFilters();
    private Thread sender;

    StreamingConnection(Optional<String> bearerToken, Optional<ApiToken> token, int capacity) {
        this.bearerToken = bearerToken;
        this.token = token;
        this.outgoing = new ArrayBlockingQueue<>(capacity);
    }

    /** Starts writing; called once the connection is fully made. */
    final StreamingConnection start() {
        sender = Thread.ofVirtual().name("streaming-" + name()).start(this::sendInOrder);
        return this;
    }

    Optional<String> bearerToken() {
        return bearerToken;
    }

    Optional<ApiToken> token() {
        return token;
    }

    Optional<Long> viewerId() {
        return token.flatMap(ApiToken::caller).map(Caller::accountId);
    }

    /** The viewer's filters as this connection keeps them. */
    ConnectionFilters filters() {
        return filters;
    }

    /** Queues an event; never blocks. */
    void send(StreamFrame frame) {
        enqueue(frame);
    }

    void heartbeat() {
        enqueue(Heartbeat.INSTANCE);
    }

    /** Closes once the items queued before are written, such as an error frame saying why. */
    void closeAfterSending(CloseStatus status) {
        if (!outgoing.offer(new Closing(status))) {
            close(status);
        }
    }

    void close(CloseStatus status) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        stop();
        try {
            closeTransport(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing streaming connection {} failed", name(), e);
        }
    }

    /** Once the connection is closed, by either side. */
    void stop() {
        outgoing.clear();
        // The sender closing its own connection must not interrupt itself: the close would not be written.
        if (sender != null && Thread.currentThread() != sender) {
            sender.interrupt();
        }
    }

    void enqueue(Outgoing item) {
        if (!outgoing.offer(item) && !closing.get()) {
            // Closing writes to the client too, which waits behind the stalled write: not on the caller's thread.
            Thread.ofVirtual().start(() -> close(CloseStatus.SERVICE_OVERLOAD.withReason("Too slow")));
        }
    }

    abstract String name();

    abstract boolean isOpen();

    /** Writes a frame, heartbeat or raw text as this transport does. */
    abstract void write(Outgoing item) throws IOException;

    abstract void closeTransport(CloseStatus status) throws IOException;

    private void sendInOrder() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Outgoing item = outgoing.take();
                if (!isOpen()) {
                    return;
                }
                if (item instanceof Closing(CloseStatus status)) {
                    close(status);
                    return;
                }
                write(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.debug("Streaming connection {} failed while sending", name(), e);
            close(CloseStatus.SERVER_ERROR);
        }
    }
}
