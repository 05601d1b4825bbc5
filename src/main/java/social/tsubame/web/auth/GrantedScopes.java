package social.tsubame.web.auth;

import java.util.Set;

/** Whether granted scopes cover a required one, by Mastodon's rules. */
final class GrantedScopes {

    private static final Set<String> LEGACY_FOLLOW = Set.of("read:blocks", "write:blocks", "read:follows",
            "write:follows", "read:mutes", "write:mutes");

    private GrantedScopes() {
    }

    /**
     * The scope itself, its parent ({@code write} grants {@code write:media}, {@code admin:read} grants
     * {@code admin:read:accounts}), or the legacy {@code follow} scope for the relationship scopes it stood for.
     */
    static boolean allow(Set<String> granted, String required) {
        if (granted.contains(required) || granted.contains("follow") && LEGACY_FOLLOW.contains(required)) {
            return true;
        }
        int colon = required.lastIndexOf(':');
        return colon > 0 && allow(granted, required.substring(0, colon));
    }
}
