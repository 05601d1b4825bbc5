package social.tsubame.streaming;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.socket.CloseStatus;

import social.tsubame.web.auth.ApiToken;

/**
 * A streaming client on an HTTP response of server-sent events, as Mastodon serves them: {@code event:} and
 * {@code data:} lines per event (no stream name: the response carries one stream), heartbeats as comments.
 */
final class EventStreamConnection extends StreamingConnection {

    /** What Mastodon's server writes as the data of an event without payload ({@code filters_changed}). */
    private static final String NO_PAYLOAD = "undefined";

    private final SseEmitter emitter;
    private final String id = UUID.randomUUID().toString();
    private volatile boolean open = true;

    EventStreamConnection(SseEmitter emitter, Optional<String> bearerToken, Optional<ApiToken> token, int capacity) {
        super(bearerToken, token, capacity);
        this.emitter = emitter;
    }

    /** The response has ended, by either side. */
    void ended() {
        open = false;
        stop();
    }

    @Override
    String name() {
        return "sse-" + id;
    }

    @Override
    boolean isOpen() {
        return open;
    }

    @Override
    void write(Outgoing item) throws IOException {
        switch (item) {
            case StreamFrame frame -> emitter.send(SseEmitter.event().name(frame.event())
                    .data(frame.payload() == null ? NO_PAYLOAD : frame.payload(), MediaType.TEXT_PLAIN));
            case Heartbeat heartbeat -> emitter.send(SseEmitter.event().comment("thump"));
            case RawText raw -> throw new IllegalArgumentException("an event stream has no raw text");
            case Closing closing -> throw new IllegalArgumentException("closing is not written");
        }
    }

    @Override
    void closeTransport(CloseStatus status) {
        open = false;
        emitter.complete();
    }
}
