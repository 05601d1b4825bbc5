package social.tsubame.streaming;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import social.tsubame.boot.Roles;

/**
 * Mastodon's streaming endpoint. Apps on any origin may open it: a socket is whoever its token says, never a
 * browser's cookies.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@Profile(Roles.STREAMING)
class StreamingConfiguration implements WebSocketConfigurer {

    /**
     * A client sends nothing but a subscribe or unsubscribe of a few dozen characters; the container's 8 KiB
     * buffers for incoming text and binary messages, held by every socket, would be much of what a quiet one costs.
     * A longer message closes the socket (1009, too big).
     */
    static final int INCOMING_MESSAGE_BUFFER = 1024;

    private final StreamingSocketHandler handler;
    private final StreamingHandshake handshake;

    StreamingConfiguration(StreamingSocketHandler handler, StreamingHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(INCOMING_MESSAGE_BUFFER);
        container.setMaxBinaryMessageBufferSize(INCOMING_MESSAGE_BUFFER);
        return container;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/api/v1/streaming", "/api/v1/streaming/")
                .setHandshakeHandler(new FirstProtocolHandshakeHandler())
                .addInterceptors(handshake)
                .setAllowedOriginPatterns("*");
    }
}
