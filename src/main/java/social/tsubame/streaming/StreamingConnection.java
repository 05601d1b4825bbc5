package social.tsubame.streaming;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import social.tsubame.web.auth.ApiToken;
import social.tsubame.web.auth.Caller;

/**
 * One open socket and who opened it. Frames wait in a bounded queue that a virtual thread of its own sends in
 * order, so a client that reads slowly stalls nobody else; one that falls {@code capacity} frames behind is
 * disconnected rather than holding ever more memory.
 */
final class StreamingConnection {

    private static final Logger log = LoggerFactory.getLogger(StreamingConnection.class);

    private final WebSocketSession session;
    private final Optional<String> bearerToken;
    private final Optional<ApiToken> token;
    private final BlockingQueue<WebSocketMessage<?>> outgoing;
    private final Thread sender;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final SocketFilters filters = new SocketFilters();

    StreamingConnection(WebSocketSession session, Optional<String> bearerToken, Optional<ApiToken> token,
                        int capacity) {
        this.session = session;
        this.bearerToken = bearerToken;
        this.token = token;
        this.outgoing = new ArrayBlockingQueue<>(capacity);
        this.sender = Thread.ofVirtual().name("streaming-" + session.getId()).start(this::sendInOrder);
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

    /** The viewer's filters as this socket keeps them. */
    SocketFilters filters() {
        return filters;
    }

    /** Queues a frame; never blocks. */
    void send(WebSocketMessage<?> frame) {
        if (!outgoing.offer(frame) && !closing.get()) {
            // Closing writes a close frame, which waits behind the stalled write: not on the caller's thread.
            Thread.ofVirtual().start(() -> close(CloseStatus.SERVICE_OVERLOAD.withReason("Too slow")));
        }
    }

    /** Closes once the frames queued before are sent, such as an error frame saying why. */
    void closeAfterSending(CloseStatus status) {
        if (!outgoing.offer(new CloseFrame(status))) {
            close(status);
        }
    }

    void close(CloseStatus status) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        stop();
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing streaming socket {} failed", session.getId(), e);
        }
    }

    /** Once the socket is closed, by either side. */
    void stop() {
        outgoing.clear();
        // The sender closing its own socket must not interrupt itself: the close frame would not be written.
        if (Thread.currentThread() != sender) {
            sender.interrupt();
        }
    }

    private void sendInOrder() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WebSocketMessage<?> frame = outgoing.take();
                if (!session.isOpen()) {
                    return;
                }
                if (frame instanceof CloseFrame(CloseStatus status)) {
                    close(status);
                    return;
                }
                session.sendMessage(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.debug("Streaming socket {} failed while sending", session.getId(), e);
            close(CloseStatus.SERVER_ERROR);
        }
    }

    /** Stands in the queue for the close that follows the frames before it. */
    private record CloseFrame(CloseStatus status) implements WebSocketMessage<CloseStatus> {

        @Override
        public CloseStatus getPayload() {
            return status;
        }

        @Override
        public int getPayloadLength() {
            return 0;
        }

        @Override
        public boolean isLast() {
            return true;
        }
    }
}
