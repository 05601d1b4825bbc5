package social.tsubame.streaming;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * The token a streaming client presents, as Mastodon accepts it: an {@code Authorization} bearer header, else an
 * {@code access_token} parameter, else (browsers cannot set headers on a WebSocket) the first
 * {@code Sec-WebSocket-Protocol}.
 */
final class PresentedTokens {

    private static final String BEARER = "Bearer ";

    private PresentedTokens() {
    }

    static Optional<String> of(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return nonBlank(authorization.substring(BEARER.length()));
        }
        Optional<String> parameter = nonBlank(request.getParameter("access_token"));
        if (parameter.isPresent()) {
            return parameter;
        }
        String protocols = request.getHeader("Sec-WebSocket-Protocol");
        return protocols == null ? Optional.empty() : nonBlank(protocols.split(",")[0]);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
