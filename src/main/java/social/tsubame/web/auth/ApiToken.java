package social.tsubame.web.auth;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A valid bearer token as the client API sees it: the app it was issued to, what it allows, and the signed-in
 * user behind it ({@code caller} is empty for an app's own token, from the client credentials grant).
 */
public record ApiToken(long applicationId, Set<String> scopes, Optional<Caller> caller) {

    public ApiToken {
        // in the order granted, which is the order they are shown back in
        scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }

    public boolean allows(String scope) {
        return GrantedScopes.allow(scopes, scope);
    }
}
