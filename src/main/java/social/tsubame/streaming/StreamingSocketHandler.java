package social.tsubame.streaming;

import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import social.tsubame.boot.Roles;
import social.tsubame.web.auth.ApiToken;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon's streaming protocol on a socket: the stream named in the URL is subscribed when it opens, then the
 * client sends {@code {"type":"subscribe","stream":"hashtag","tag":"cats"}} or {@code unsubscribe}. A stream the
 * socket may not have is answered with an error frame; one named in the URL closes the socket (1008), since the
 * client asked for nothing else.
 */
@Component
@Profile(Roles.STREAMING)
class StreamingSocketHandler extends TextWebSocketHandler {

    private static final String CONNECTION = "streaming.connection";

    private record ErrorFrame(String error, int status) {
    }

    private final StreamRequests requests;
    private final ChannelSubscriptions subscriptions;
    private final OpenSockets sockets;
    private final JsonMapper json;
    private final int sendQueueCapacity;

    StreamingSocketHandler(StreamRequests requests, ChannelSubscriptions subscriptions, OpenSockets sockets,
                           JsonMapper json, @Value("${tsubame.streaming.send-queue:256}") int sendQueueCapacity) {
        this.requests = requests;
        this.subscriptions = subscriptions;
        this.sockets = sockets;
        this.json = json;
        this.sendQueueCapacity = sendQueueCapacity;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Map<String, Object> attributes = session.getAttributes();
        WebSocketConnection connection = new WebSocketConnection(session,
                Optional.ofNullable((String) attributes.get(StreamingHandshake.BEARER_TOKEN)),
                Optional.ofNullable((ApiToken) attributes.get(StreamingHandshake.TOKEN)), sendQueueCapacity);
        connection.start();
        attributes.put(CONNECTION, connection);
        sockets.add(connection);
        requests.system(connection.token()).ifPresent(system -> subscriptions.subscribe(connection, system));
        String initial = (String) attributes.get(StreamingHandshake.INITIAL_STREAM);
        if (initial != null) {
            try {
                subscriptions.subscribe(connection, requests.resolve(initial,
                        (String) attributes.get(StreamingHandshake.INITIAL_PARAMETER), connection.token()));
            } catch (StreamRefused refused) {
                sendError(connection, refused);
                connection.closeAfterSending(CloseStatus.POLICY_VIOLATION.withReason(refused.getMessage()));
            }
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        WebSocketConnection connection = connection(session);
        JsonNode request;
        try {
            request = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            sendError(connection, new StreamRefused(400, "Could not parse the message"));
            return;
        }
        String type = request.path("type").asString("");
        if (!type.equals("subscribe") && !type.equals("unsubscribe")) {
            sendError(connection, new StreamRefused(400, "Unknown message type"));
            return;
        }
        try {
            Stream stream = requests.resolve(request.path("stream").asString(null),
                    request.hasNonNull("list") ? request.get("list").asString() : request.path("tag").asString(null),
                    connection.token());
            if (type.equals("subscribe")) {
                subscriptions.subscribe(connection, stream);
            } else {
                subscriptions.unsubscribe(connection, stream);
            }
        } catch (StreamRefused refused) {
            sendError(connection, refused);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable failure) {
        connection(session).close(CloseStatus.SERVER_ERROR);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        WebSocketConnection connection = connection(session);
        connection.stop();
        subscriptions.unsubscribeAll(connection);
        sockets.remove(connection);
    }

    private static WebSocketConnection connection(WebSocketSession session) {
        return (WebSocketConnection) session.getAttributes().get(CONNECTION);
    }

    private void sendError(WebSocketConnection connection, StreamRefused refused) {
        connection.sendError(json.writeValueAsString(new ErrorFrame(refused.getMessage(), refused.status())));
    }
}
