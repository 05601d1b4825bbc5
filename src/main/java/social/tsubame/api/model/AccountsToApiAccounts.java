package social.tsubame.api.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.Uris;
import social.tsubame.media.MediaStorage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Renders accounts as the client API shows them, many at a time with one query. */
@Component
public class AccountsToApiAccounts {

    private final NamedParameterJdbcTemplate jdbc;
    private final Uris uris;
    private final JsonMapper json;
    private final MediaStorage media;

    public AccountsToApiAccounts(NamedParameterJdbcTemplate jdbc, Uris uris, JsonMapper json, MediaStorage media) {
        this.jdbc = jdbc;
        this.uris = uris;
        this.json = json;
        this.media = media;
    }

    public Optional<ApiAccount> one(long accountId) {
        return Optional.ofNullable(many(List.of(accountId)).get(accountId));
    }

    /**
     * The accounts found among {@code accountIds}, by id; suspended ones are left out. One that moved names its new
     * account in {@code moved}, which does not name a further one, as on Mastodon.
     */
    public Map<Long, ApiAccount> many(Collection<Long> accountIds) {
        return many(accountIds, false);
    }

    /** As {@link #many}, suspended accounts included: moderators see whom they suspended. */
    public Map<Long, ApiAccount> manyIncludingSuspended(Collection<Long> accountIds) {
        return many(accountIds, true);
    }

    private Map<Long, ApiAccount> many(Collection<Long> accountIds, boolean includingSuspended) {
        Map<Long, Long> movedTo = new HashMap<>();
        Map<Long, ApiAccount> rendered = render(accountIds, includingSuspended, movedTo);
        if (!movedTo.isEmpty()) {
            Map<Long, ApiAccount> targets = render(Set.copyOf(movedTo.values()), includingSuspended, new HashMap<>());
            movedTo.forEach((id, targetId) -> Optional.ofNullable(targets.get(targetId))
                    .ifPresent(target -> rendered.put(id, rendered.get(id).withMoved(target))));
        }
        return rendered;
    }

    /** @param movedTo gets the id of the new account of each rendered one that moved */
    private Map<Long, ApiAccount> render(Collection<Long> accountIds, boolean includingSuspended,
                                         Map<Long, Long> movedTo) {
        Map<Long, ApiAccount> rendered = new LinkedHashMap<>();
        if (accountIds.isEmpty()) {
            return rendered;
        }
        jdbc.query("""
                SELECT a.*, (SELECT count(*) FROM statuses s
                             WHERE s.account_id = a.id AND s.deleted_at IS NULL) AS live_statuses
                FROM accounts a WHERE a.id IN (:ids) AND (:includingSuspended OR a.suspended_at IS NULL)""",
                Map.of("ids", accountIds, "includingSuspended", includingSuspended), (ResultSet row) -> {
                    rendered.put(row.getLong("id"), map(row));
                    long target = row.getLong("moved_to_account_id");
                    if (!row.wasNull()) {
                        movedTo.put(row.getLong("id"), target);
                    }
                });
        return rendered;
    }

    private ApiAccount map(ResultSet row) throws SQLException {
        String username = row.getString("username");
        String domain = row.getString("domain");
        boolean local = domain == null;
        String uri = local ? uris.actor(username) : row.getString("uri");
        String url = local ? uris.profile(username) : Optional.ofNullable(row.getString("url")).orElse(uri);
        String avatar = picture(row.getString("avatar_file"), row.getString("avatar_remote_url"), "avatars");
        String header = picture(row.getString("header_file"), row.getString("header_remote_url"), "headers");
        Timestamp lastStatusAt = row.getTimestamp("last_status_at");
        return new ApiAccount(Long.toString(row.getLong("id")), username, local ? username : username + "@" + domain,
                row.getString("display_name"), row.getBoolean("locked"), row.getBoolean("bot"),
                row.getBoolean("discoverable"), row.getBoolean("indexable"),
                "Group".equals(row.getString("actor_type")), ApiDates.format(row.getTimestamp("created_at")
                .toInstant()), row.getString("note"), url, uri, avatar, avatar, header, header,
                row.getInt("followers_count"), row.getInt("following_count"), row.getLong("live_statuses"),
                lastStatusAt == null ? null : ApiDates.day(lastStatusAt.toInstant()), false,
                !row.getBoolean("indexable"), List.of(), fields(row.getString("fields")), null, null, null);
    }

    /** A local picture, else the remote one, else the placeholder every client knows to expect. */
    private String picture(String key, String remoteUrl, String kind) {
        if (key != null) {
            return media.url(key);
        }
        return remoteUrl != null ? remoteUrl : uris.base() + "/" + kind + "/original/missing.png";
    }

    private List<ApiAccount.Field> fields(String stored) {
        JsonNode fields = json.readTree(stored == null ? "[]" : stored);
        return fields.valueStream().map(field -> new ApiAccount.Field(field.path("name").asString(""),
                field.path("value").asString(""), field.hasNonNull("verified_at")
                        ? field.get("verified_at").asString() : null)).toList();
    }
}
