package social.tsubame.streaming;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import social.tsubame.boot.Roles;

/**
 * Mastodon's streaming endpoint. Apps on any origin may open it: a socket is whoever its token says, never a
 * browser's cookies.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@Profile(Roles.STREAMING)
class StreamingConfiguration implements WebSocketConfigurer {

    private final StreamingSocketHandler handler;
    private final StreamingHandshake handshake;

    StreamingConfiguration(StreamingSocketHandler handler, StreamingHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/api/v1/streaming", "/api/v1/streaming/")
                .setHandshakeHandler(new FirstProtocolHandshakeHandler())
                .addInterceptors(handshake)
                .setAllowedOriginPatterns("*");
    }
}
