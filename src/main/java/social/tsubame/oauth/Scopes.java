package social.tsubame.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import social.tsubame.core.ApiException;

/** Mastodon's OAuth scopes: the top-level ones and their granular forms. */
public final class Scopes {

    public static final String DEFAULT = "read";

    public static final List<String> ALL = List.of(
            "read", "write", "follow", "push", "profile",
            "read:accounts", "read:blocks", "read:bookmarks", "read:favourites", "read:filters", "read:follows",
            "read:lists", "read:mutes", "read:notifications", "read:search", "read:statuses",
            "write:accounts", "write:blocks", "write:bookmarks", "write:conversations", "write:favourites",
            "write:filters", "write:follows", "write:lists", "write:media", "write:mutes", "write:notifications",
            "write:reports", "write:statuses",
            "admin:read", "admin:write",
            "admin:read:accounts", "admin:read:reports", "admin:read:domain_allows", "admin:read:domain_blocks",
            "admin:read:ip_blocks", "admin:read:email_domain_blocks", "admin:read:canonical_email_blocks",
            "admin:write:accounts", "admin:write:reports", "admin:write:domain_allows", "admin:write:domain_blocks",
            "admin:write:ip_blocks", "admin:write:email_domain_blocks", "admin:write:canonical_email_blocks");

    private Scopes() {
    }

    /**
     * Scopes as clients send them: separated by spaces or plus signs; none means {@value #DEFAULT}.
     *
     * @throws ApiException 422 naming the first scope Mastodon does not know
     */
    public static Set<String> parse(String requested) {
        Set<String> scopes = requested == null ? new LinkedHashSet<>() : Arrays.stream(requested.split("[\\s+]+"))
                .filter(scope -> !scope.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (scopes.isEmpty()) {
            return Set.of(DEFAULT);
        }
        scopes.stream().filter(scope -> !ALL.contains(scope)).findFirst().ifPresent(unknown -> {
            throw ApiException.unprocessable("Validation failed: Scopes are invalid (" + unknown + ")");
        });
        return scopes;
    }

    /** The scopes a client registered for may be asked for one by one, granular forms included. */
    public static Set<String> withGranularForms(Set<String> registered) {
        Set<String> expanded = new LinkedHashSet<>(registered);
        for (String scope : ALL) {
            int colon = scope.lastIndexOf(':');
            if (colon > 0 && registered.contains(scope.substring(0, colon))) {
                expanded.add(scope);
            }
        }
        return expanded;
    }

    public static String join(Set<String> scopes) {
        return String.join(" ", scopes);
    }
}
