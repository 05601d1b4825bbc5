package social.tsubame.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A client app registered with {@code POST /api/v1/apps}; its secret is kept only as a hash. */
public record OAuthApplication(long id, String name, String website, List<String> redirectUris, Set<String> scopes,
                               String clientId, String clientSecretHash, Instant createdAt) {

    public OAuthApplication {
        redirectUris = List.copyOf(redirectUris);
        scopes = Set.copyOf(scopes);
    }
}
