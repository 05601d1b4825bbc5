package social.tsubame.api.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.InstanceActorAccount;
import social.tsubame.core.ServerIdentity;
import social.tsubame.federation.inbound.RemoteHandles;

/**
 * Accounts whose handle starts with what was typed, or whose display name has a word starting with it; the account
 * with exactly that handle first, then local and followed ones, then the most followed. An unknown remote handle is
 * looked up on its server when the caller asks to resolve it.
 */
@Component
class SearchAccounts {

    /**
     * @param resolve   whether an unknown remote handle may be looked up with WebFinger
     * @param following whether only accounts the viewer follows are wanted
     */
    record Query(String text, boolean resolve, boolean following, int limit, int offset) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RemoteHandles remoteHandles;
    private final InstanceActorAccount instanceActor;
    private final String localDomain;

    SearchAccounts(NamedParameterJdbcTemplate jdbc, RemoteHandles remoteHandles, InstanceActorAccount instanceActor,
                   ServerIdentity identity) {
        this.jdbc = jdbc;
        this.remoteHandles = remoteHandles;
        this.instanceActor = instanceActor;
        this.localDomain = identity.localDomain().toLowerCase(Locale.ROOT);
    }

    /** Ids of the matching accounts in order; {@code viewer} is 0 for an anonymous caller. */
    List<Long> search(Query query, long viewer) {
        Optional<Handle> typed = Handle.parse(query.text());
        String text = query.text().strip().replaceFirst("^@", "");
        if (text.isEmpty() || (query.following() && viewer == 0)) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(Map.of("viewer", viewer, "local", localDomain,
                "instance_actor", instanceActor.username(), "limit", query.limit(), "offset", query.offset()));
        String matches;
        if (typed.isPresent() && typed.get().hasDomain()) {
            Handle handle = typed.get();
            if (query.resolve()) {
                lookUp(handle);
            }
            matches = "lower(a.username) LIKE :username AND lower(coalesce(a.domain, :local)) LIKE :domain";
            params.put("username", LikePatterns.startingWith(handle.username()));
            params.put("domain", LikePatterns.startingWith(handle.domain()));
            params.put("exact_username", handle.username().toLowerCase(Locale.ROOT));
            params.put("exact_domain", handle.domain());
        } else {
            matches = "lower(a.username) LIKE :prefix OR lower(a.display_name) LIKE :prefix"
                    + " OR lower(a.display_name) LIKE :word";
            params.put("prefix", LikePatterns.startingWith(text));
            params.put("word", LikePatterns.withWordStartingWith(text));
            params.put("exact_username", text.toLowerCase(Locale.ROOT));
            params.put("exact_domain", localDomain);
        }
        String followed = "EXISTS (SELECT 1 FROM follows f WHERE f.account_id = :viewer"
                + " AND f.target_account_id = a.id)";
        return jdbc.queryForList("""
                SELECT a.id FROM accounts a
                WHERE (%s)
                  AND a.suspended_at IS NULL
                  AND NOT (a.domain IS NULL AND a.username = :instance_actor)
                  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = :viewer AND b.target_account_id = a.id)
                                  OR (b.account_id = a.id AND b.target_account_id = :viewer))
                  %s
                ORDER BY (lower(a.username) = :exact_username
                          AND lower(coalesce(a.domain, :local)) = :exact_domain) DESC,
                         (a.domain IS NULL OR %s) DESC,
                         a.followers_count DESC, a.id
                LIMIT :limit OFFSET :offset""".formatted(matches, query.following() ? "AND " + followed : "",
                followed), params, Long.class);
    }

    /** Brings an unknown remote account in; a server that cannot be reached just leaves it out of the results. */
    private void lookUp(Handle handle) {
        try {
            remoteHandles.resolve(handle.username(), handle.domain());
        } catch (IOException e) {
            // the search answers with what is known
        }
    }
}
