package social.tsubame.web.auth;

import java.util.Optional;

/** Finds the token a client presents; empty when it is unknown, revoked, expired or its user may not sign in. */
public interface ApiTokens {

    Optional<ApiToken> find(String bearerToken);
}
