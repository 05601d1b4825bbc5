package social.tsubame.streaming;

import java.util.List;

import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Accepts the first protocol a client offers. Browser apps (masto.js among them) offer their access token as the
 * protocol, and a browser drops the socket when the handshake does not name one of the protocols it offered.
 */
class FirstProtocolHandshakeHandler extends DefaultHandshakeHandler {

    @Override
    protected String selectProtocol(List<String> requestedProtocols, WebSocketHandler handler) {
        return requestedProtocols.isEmpty() ? null : requestedProtocols.getFirst();
    }
}
