package social.tsubame.web.auth;

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

    private static final Set<String> FOLLOW_SCOPES = Set.of("read:blocks", "write:blocks", "read:follows",
            "write:follows", "read:mutes", "write:mutes");

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /**
     * Whether the token grants {@code scope}: itself, its parent ({@code write} grants {@code write:media},
     * {@code admin:read} grants {@code admin:read:accounts}), or the legacy {@code follow} scope for the
     * relationship scopes it stood for.
     */
    public boolean allows(String scope) {
        if (scopes.contains(scope) || scopes.contains("follow") && FOLLOW_SCOPES.contains(scope)) {
            return true;
        }
        int colon = scope.lastIndexOf(':');
        return colon > 0 && allows(scope.substring(0, colon));
    }
}
