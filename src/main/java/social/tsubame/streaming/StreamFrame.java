package social.tsubame.streaming;

import java.util.List;

/**
 * One event as it goes to the clients of one stream: the stream's name, the event and its payload (none for
 * {@code filters_changed}), and the WebSocket frame of them, written once for every socket of the stream.
 */
record StreamFrame(List<String> stream, String event, String payload, String webSocketText)
        implements StreamingConnection.Outgoing {
}
