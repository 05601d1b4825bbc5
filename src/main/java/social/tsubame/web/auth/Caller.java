package social.tsubame.web.auth;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is calling the client API: the account and user behind a bearer token, and what the token allows.
 * A controller method takes a {@code Caller} to require a signed-in user (401 without one), or an
 * {@code Optional<Caller>} where signing in is optional.
 *
 * @param applicationId the OAuth application the token was issued to
 * @param scopes the token's scopes as granted, such as {@code read} or {@code write:statuses}
 */
public record Caller(long accountId, long userId, long applicationId, Set<String> scopes) {

    public Caller {
        // in the order granted, which is the order they are shown back in
        scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }

    /** Whether the token grants {@code scope}, itself or through a broader scope. */
    public boolean allows(String scope) {
        return GrantedScopes.allow(scopes, scope);
    }
}
