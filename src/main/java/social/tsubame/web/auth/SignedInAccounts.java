package social.tsubame.web.auth;

import java.util.Arrays;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import social.tsubame.core.ApiException;

/**
 * The account of whoever is signed in on a route that takes either a bearer token or the sign-in session (the
 * settings downloads): a session may do anything its user may, a token only what its scopes allow.
 */
@Component
public class SignedInAccounts {

    private final JdbcTemplate jdbc;

    SignedInAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** 401 with nobody signed in, 403 for a token that grants none of {@code scopes}. */
    public long current(String... scopes) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TokenPrincipal principal) {
            ApiToken token = principal.token();
            Caller caller = token.caller().orElseThrow(() ->
                    ApiException.unprocessable("This method requires an authenticated user"));
            if (scopes.length > 0 && Arrays.stream(scopes).noneMatch(token::allows)) {
                throw new ApiException(HttpStatus.FORBIDDEN, "This action is outside the authorized scopes");
            }
            return caller.accountId();
        }
        if (authentication instanceof UsernamePasswordAuthenticationToken session && session.isAuthenticated()) {
            // the session's principal name is the user id (the sign-in page's LocalSignIns)
            return jdbc.queryForList("""
                    SELECT u.account_id FROM users u JOIN accounts a ON a.id = u.account_id
                    WHERE u.id = ? AND NOT u.disabled AND a.suspended_at IS NULL""", Long.class,
                    Long.parseLong(session.getName())).stream().findFirst()
                    .orElseThrow(SignedInAccounts::unauthorized);
        }
        throw unauthorized();
    }

    private static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "The access token is invalid");
    }
}
