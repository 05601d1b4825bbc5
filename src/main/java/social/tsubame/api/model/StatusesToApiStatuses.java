package social.tsubame.api.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.Uris;
import social.tsubame.filter.ActiveFilters;
import social.tsubame.filter.ApplicableFilters;
import social.tsubame.filter.FilterContext;
import social.tsubame.filter.FilterMatch;

/**
 * Renders statuses as the client API shows them to one viewer, a page at a time: a fixed number of queries
 * whatever the page size. Deleted statuses and those of suspended accounts are left out; whether the viewer may
 * see a status is decided before, by the caller. Rendered for a context, statuses carry the viewer's filters in force
 * there that match them, and those matched by a hiding filter are left out.
 */
@Component
public class StatusesToApiStatuses {

    private final NamedParameterJdbcTemplate jdbc;
    private final AccountsToApiAccounts accounts;
    private final MediaAttachmentToApiMediaAttachment media;
    private final Uris uris;
    private final ActiveFilters activeFilters;

    public StatusesToApiStatuses(NamedParameterJdbcTemplate jdbc, AccountsToApiAccounts accounts,
                                 MediaAttachmentToApiMediaAttachment media, Uris uris, ActiveFilters activeFilters) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.media = media;
        this.uris = uris;
        this.activeFilters = activeFilters;
    }

    private record Row(long id, long accountId, String uri, String url, String content, String text,
                       String spoilerText, boolean sensitive, String visibility, String language, Long inReplyToId,
                       Long inReplyToAccountId, Long reblogOfId, Instant createdAt, Instant editedAt,
                       int repliesCount, int reblogsCount, int favouritesCount, String appName, String appWebsite) {
    }

    public Optional<ApiStatus> one(long statusId, Optional<Long> viewerId) {
        List<ApiStatus> rendered = many(List.of(statusId), viewerId);
        return rendered.isEmpty() ? Optional.empty() : Optional.of(rendered.getFirst());
    }

    /** The statuses among {@code statusIds} in the order given, outside any filter context. */
    public List<ApiStatus> many(List<Long> statusIds, Optional<Long> viewerId) {
        return render(statusIds, viewerId, ApplicableFilters.NONE);
    }

    /** The statuses among {@code statusIds} in the order given, as shown in {@code context}. */
    public List<ApiStatus> many(List<Long> statusIds, Optional<Long> viewerId, FilterContext context) {
        if (statusIds.isEmpty()) {
            return List.of();
        }
        return render(statusIds, viewerId, viewerId.map(viewer -> activeFilters.of(viewer, context))
                .orElse(ApplicableFilters.NONE));
    }

    /** The statuses among {@code statusIds} in the order given, those of suspended accounts included. */
    public List<ApiStatus> forModerator(List<Long> statusIds, long moderatorId) {
        return render(statusIds, Optional.of(moderatorId), ApplicableFilters.NONE, true);
    }

    private List<ApiStatus> render(List<Long> statusIds, Optional<Long> viewerId, ApplicableFilters filters) {
        return render(statusIds, viewerId, filters, false);
    }

    private List<ApiStatus> render(List<Long> statusIds, Optional<Long> viewerId, ApplicableFilters filters,
                                   boolean includingSuspended) {
        if (statusIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Row> rows = rows(statusIds);
        Set<Long> boosted = new HashSet<>();
        rows.values().forEach(row -> {
            if (row.reblogOfId() != null) {
                boosted.add(row.reblogOfId());
            }
        });
        boosted.removeAll(rows.keySet());
        rows.putAll(rows(boosted));
        Set<Long> all = rows.keySet();
        Set<Long> authorIds = new HashSet<>();
        rows.values().forEach(row -> authorIds.add(row.accountId()));
        Map<Long, ApiAccount> authors = includingSuspended ? accounts.manyIncludingSuspended(authorIds)
                : accounts.many(authorIds);
        Context context = new Context(rows, authors, media.ofStatuses(all), mentions(all), tags(all),
                reactions(all, viewerId), viewerId.map(viewer -> flags(all, viewer)).orElse(null), filters);
        List<ApiStatus> rendered = new ArrayList<>();
        for (Long id : statusIds) {
            render(id, context).ifPresent(rendered::add);
        }
        return rendered;
    }

    private record Context(Map<Long, Row> rows, Map<Long, ApiAccount> authors,
                           Map<Long, List<ApiMediaAttachment>> media, Map<Long, List<ApiStatus.Mention>> mentions,
                           Map<Long, List<ApiStatus.Tag>> tags,
                           Map<Long, List<ApiStatus.Reaction>> reactions, ViewerFlags flags,
                           ApplicableFilters filters) {
    }

    private Optional<ApiStatus> render(long id, Context context) {
        Row row = context.rows().get(id);
        ApiAccount author = row == null ? null : context.authors().get(row.accountId());
        if (author == null) {
            return Optional.empty();
        }
        ApiStatus reblog = null;
        if (row.reblogOfId() != null) {
            reblog = render(row.reblogOfId(), context).orElse(null);
            if (reblog == null) {
                return Optional.empty();
            }
        }
        List<FilterMatch> matches = filterMatches(row, context);
        if (matches.stream().anyMatch(FilterMatch::hides)) {
            return Optional.empty();
        }
        ViewerFlags flags = context.flags();
        boolean own = flags != null && flags.viewerId() == row.accountId();
        return Optional.of(new ApiStatus(Long.toString(id), row.uri(), row.url(), author, string(row.inReplyToId()),
                string(row.inReplyToAccountId()), reblog, reblog == null ? row.content() : "",
                ApiDates.format(row.createdAt()), ApiDates.format(row.editedAt()), List.of(), row.repliesCount(),
                row.reblogsCount(), row.favouritesCount(),
                flags == null ? null : flags.favourited().contains(id),
                flags == null ? null : flags.reblogged().contains(id),
                flags == null ? null : false,
                flags == null ? null : flags.bookmarked().contains(id),
                own ? flags.pinned().contains(id) : null,
                row.sensitive(), row.spoilerText(), row.visibility(), row.language(),
                context.media().getOrDefault(id, List.of()),
                context.mentions().getOrDefault(id, List.of()), context.tags().getOrDefault(id, List.of()), null,
                null, own && row.appName() != null ? new ApiStatus.Application(row.appName(), row.appWebsite()) : null,
                matches.stream().map(ApiFilterResult::of).toList(), null,
                new ApiStatus.Pleroma(context.reactions().getOrDefault(id, List.of()))));
    }

    /** A boost is filtered by what it boosts. */
    private static List<FilterMatch> filterMatches(Row row, Context context) {
        Row shown = row.reblogOfId() == null ? row : context.rows().get(row.reblogOfId());
        return context.filters().match(shown.id(), shown.content(), shown.spoilerText());
    }

    private Map<Long, Row> rows(Collection<Long> ids) {
        Map<Long, Row> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        jdbc.query("""
                SELECT s.*, app.name AS app_name, app.website AS app_website,
                       (SELECT count(*) FROM statuses r
                        WHERE r.in_reply_to_id = s.id AND r.deleted_at IS NULL) AS live_replies,
                       s.sensitive OR EXISTS (SELECT 1 FROM accounts author WHERE author.id = s.account_id
                                              AND author.sensitized_at IS NOT NULL) AS shown_sensitive
                FROM statuses s LEFT JOIN oauth_applications app ON app.id = s.application_id
                WHERE s.id IN (:ids) AND s.deleted_at IS NULL""", Map.of("ids", ids), (ResultSet row) -> {
                    Row mapped = new Row(row.getLong("id"), row.getLong("account_id"), row.getString("uri"),
                            row.getString("url"), row.getString("content"), row.getString("text"),
                            row.getString("spoiler_text"), row.getBoolean("shown_sensitive"), row.getString("visibility"),
                            row.getString("language"), nullableLong(row, "in_reply_to_id"),
                            nullableLong(row, "in_reply_to_account_id"), nullableLong(row, "reblog_of_id"),
                            row.getTimestamp("created_at").toInstant(), instant(row.getTimestamp("edited_at")),
                            row.getInt("live_replies"), row.getInt("reblogs_count"), row.getInt("favourites_count"),
                            row.getString("app_name"), row.getString("app_website"));
                    rows.put(mapped.id(), mapped);
                });
        return rows;
    }

    private Map<Long, List<ApiStatus.Mention>> mentions(Collection<Long> ids) {
        Map<Long, List<ApiStatus.Mention>> mentions = new HashMap<>();
        jdbc.query("""
                SELECT m.status_id, a.id, a.username, a.domain, a.url, a.uri
                FROM mentions m JOIN accounts a ON a.id = m.account_id
                WHERE m.status_id IN (:ids) AND NOT m.silent ORDER BY m.id""", Map.of("ids", ids), (ResultSet row) -> {
                    String username = row.getString("username");
                    String domain = row.getString("domain");
                    String url = domain == null ? uris.profile(username)
                            : Optional.ofNullable(row.getString("url")).orElse(row.getString("uri"));
                    mentions.computeIfAbsent(row.getLong("status_id"), key -> new ArrayList<>())
                            .add(new ApiStatus.Mention(Long.toString(row.getLong("id")), username, url,
                                    domain == null ? username : username + "@" + domain));
                });
        return mentions;
    }

    private Map<Long, List<ApiStatus.Tag>> tags(Collection<Long> ids) {
        Map<Long, List<ApiStatus.Tag>> tags = new HashMap<>();
        jdbc.query("""
                SELECT st.status_id, lower(t.name) AS name FROM status_tags st JOIN tags t ON t.id = st.tag_id
                WHERE st.status_id IN (:ids)""", Map.of("ids", ids), (ResultSet row) -> {
                    String name = row.getString("name");
                    tags.computeIfAbsent(row.getLong("status_id"), key -> new ArrayList<>())
                            .add(new ApiStatus.Tag(name, uris.tag(name)));
                });
        return tags;
    }

    private Map<Long, List<ApiStatus.Reaction>> reactions(Collection<Long> ids, Optional<Long> viewerId) {
        Map<Long, List<ApiStatus.Reaction>> reactions = new HashMap<>();
        jdbc.query("""
                SELECT r.status_id, r.name, count(*) AS count, bool_or(r.account_id = :viewer) AS me,
                       min(e.image_remote_url) AS url
                FROM emoji_reactions r LEFT JOIN custom_emojis e ON e.id = r.custom_emoji_id
                WHERE r.status_id IN (:ids)
                GROUP BY r.status_id, r.name ORDER BY count(*) DESC, r.name""",
                Map.of("ids", ids, "viewer", viewerId.orElse(0L)), (ResultSet row) -> {
                    reactions.computeIfAbsent(row.getLong("status_id"), key -> new ArrayList<>())
                            .add(new ApiStatus.Reaction(row.getString("name"), row.getInt("count"),
                                    row.getBoolean("me"), row.getString("url")));
                });
        return reactions;
    }

    private record ViewerFlags(long viewerId, Set<Long> favourited, Set<Long> reblogged, Set<Long> bookmarked,
                               Set<Long> pinned) {
    }

    /** The viewer's favourites, boosts, bookmarks and pins among the statuses, in one round trip. */
    private ViewerFlags flags(Collection<Long> ids, long viewerId) {
        Map<String, Object> params = Map.of("ids", ids, "viewer", viewerId);
        Map<String, Set<Long>> byKind = new HashMap<>();
        jdbc.query("""
                SELECT 'favourite' AS kind, status_id AS id FROM favourites
                WHERE account_id = :viewer AND status_id IN (:ids)
                UNION ALL
                SELECT 'reblog', reblog_of_id FROM statuses
                WHERE account_id = :viewer AND reblog_of_id IN (:ids) AND deleted_at IS NULL
                UNION ALL
                SELECT 'bookmark', status_id FROM bookmarks WHERE account_id = :viewer AND status_id IN (:ids)
                UNION ALL
                SELECT 'pin', status_id FROM status_pins WHERE account_id = :viewer AND status_id IN (:ids)
                """, params, (RowCallbackHandler) row -> byKind.computeIfAbsent(row.getString("kind"),
                kind -> new LinkedHashSet<>()).add(row.getLong("id")));
        return new ViewerFlags(viewerId, byKind.getOrDefault("favourite", Set.of()),
                byKind.getOrDefault("reblog", Set.of()), byKind.getOrDefault("bookmark", Set.of()),
                byKind.getOrDefault("pin", Set.of()));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String string(Long id) {
        return id == null ? null : id.toString();
    }
}
