package social.tsubame.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Signing out of the web client ends both ways it was signed in: the session (Spring Security's logout) and the
 * token it kept in the browser, sent along as the {@code token} field. Whoever holds a token may revoke it.
 */
@Component
class RevokeTokenOnSignOut implements LogoutHandler {

    private final JdbcTemplate jdbc;

    RevokeTokenOnSignOut(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        String token = request.getParameter("token");
        if (token != null && !token.isBlank()) {
            jdbc.update("UPDATE oauth_access_tokens SET revoked_at = now() WHERE token_hash = ? AND revoked_at IS NULL",
                    SecretHashes.hash(token.strip()));
        }
    }
}
