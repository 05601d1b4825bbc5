package social.tsubame.streaming;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import social.tsubame.boot.Roles;
import social.tsubame.web.auth.ApiToken;
import social.tsubame.web.auth.ApiTokens;

/**
 * Checks the token of a socket before it opens. Clients present it as Mastodon accepts: an {@code Authorization}
 * bearer header, an {@code access_token} parameter, or, from browsers, which cannot set headers on a WebSocket, as
 * the {@code Sec-WebSocket-Protocol}. An unknown, revoked or expired token is refused with 401; no token opens an
 * anonymous socket.
 */
@Component
@Profile(Roles.STREAMING)
class StreamingHandshake implements HandshakeInterceptor {

    static final String BEARER_TOKEN = "streaming.bearer-token";
    static final String TOKEN = "streaming.token";
    /** The stream named in the URL ({@code ?stream=hashtag&tag=cats}), subscribed as soon as the socket opens. */
    static final String INITIAL_STREAM = "streaming.stream";
    /** The tag of a hashtag stream or the id of a list stream named in the URL. */
    static final String INITIAL_PARAMETER = "streaming.parameter";

    private final ApiTokens tokens;

    StreamingHandshake(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        HttpServletRequest http = ((ServletServerHttpRequest) request).getServletRequest();
        nonBlank(http.getParameter("stream")).ifPresent(stream -> attributes.put(INITIAL_STREAM, stream));
        nonBlank(http.getParameter("tag")).or(() -> nonBlank(http.getParameter("list")))
                .ifPresent(parameter -> attributes.put(INITIAL_PARAMETER, parameter));
        Optional<String> presented = PresentedTokens.of(http);
        if (presented.isEmpty()) {
            return true;
        }
        Optional<ApiToken> token = tokens.find(presented.get());
        if (token.isEmpty()) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        attributes.put(BEARER_TOKEN, presented.get());
        attributes.put(TOKEN, token.get());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception failure) {
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
