package social.tsubame.streaming;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import social.tsubame.web.auth.ApiToken;

/** A streaming client on a WebSocket: frames as Mastodon's JSON text, heartbeats as pings. */
final class WebSocketConnection extends StreamingConnection {

    private final WebSocketSession session;

    WebSocketConnection(WebSocketSession session, Optional<String> bearerToken, Optional<ApiToken> token,
                        int capacity) {
        super(bearerToken, token, capacity);
        this.session = session;
    }

    /** An error frame ({@code {"error": ..., "status": ...}}), in order with the rest. */
    void sendError(String errorJson) {
        enqueue(new RawText(errorJson));
    }

    @Override
    String name() {
        return "ws-" + session.getId();
    }

    @Override
    boolean isOpen() {
        return session.isOpen();
    }

    @Override
    void write(Outgoing item) throws IOException {
        switch (item) {
            case StreamFrame frame -> session.sendMessage(new TextMessage(frame.webSocketText()));
            case RawText raw -> session.sendMessage(new TextMessage(raw.text()));
            case Heartbeat heartbeat -> session.sendMessage(new PingMessage(ByteBuffer.allocate(0)));
            case Closing closing -> throw new IllegalArgumentException("closing is not written");
        }
    }

    @Override
    void closeTransport(CloseStatus status) throws IOException {
        session.close(status);
    }
}
