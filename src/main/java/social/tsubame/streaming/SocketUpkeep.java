package social.tsubame.streaming;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

import social.tsubame.boot.Roles;
import social.tsubame.web.auth.ApiTokens;

/**
 * Keeps open sockets honest. A ping every half minute keeps proxies from dropping quiet sockets and finds dead
 * ones. Every minute each socket's token is checked again: a socket whose token was revoked or expired, or whose
 * user was disabled or suspended, closes with 1008, as an API request with that token would be refused.
 */
@Component
@Profile(Roles.STREAMING)
class SocketUpkeep {

    private static final CloseStatus TOKEN_INVALID = CloseStatus.POLICY_VIOLATION.withReason("Invalid access token");

    private final OpenSockets sockets;
    private final ApiTokens tokens;

    SocketUpkeep(OpenSockets sockets, ApiTokens tokens) {
        this.sockets = sockets;
        this.tokens = tokens;
    }

    @Scheduled(fixedDelayString = "${tsubame.streaming.heartbeat-interval:30s}")
    void heartbeat() {
        sockets.all().forEach(StreamingConnection::heartbeat);
    }

    @Scheduled(fixedDelayString = "${tsubame.streaming.token-check-interval:60s}")
    void recheckTokens() {
        Map<String, List<StreamingConnection>> byToken = sockets.all().stream()
                .filter(connection -> connection.bearerToken().isPresent())
                .collect(Collectors.groupingBy(connection -> connection.bearerToken().get()));
        byToken.forEach((token, connections) -> {
            if (tokens.find(token).isEmpty()) {
                connections.forEach(connection -> connection.close(TOKEN_INVALID));
            }
        });
    }
}
