package social.tsubame.api.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.Uris;

/**
 * Known hashtags whose name starts with what was typed, shortest first, as Mastodon orders them; tags moderators
 * made unlistable are left out.
 */
@Component
class SearchHashtags {

    /** What a hashtag may be made of; anything else typed cannot name one. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}_·]+");

    /** @param reviewedOnly whether only tags moderators allowed to trend are wanted, besides an exact match */
    record Query(String text, boolean reviewedOnly, int limit, int offset) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Uris uris;

    SearchHashtags(NamedParameterJdbcTemplate jdbc, Uris uris) {
        this.jdbc = jdbc;
        this.uris = uris;
    }

    List<ApiTag> search(Query query) {
        String name = query.text().strip().replaceFirst("^#", "");
        if (!NAME.matcher(name).matches()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT coalesce(t.display_name, t.name) AS name FROM tags t
                WHERE lower(t.name) LIKE :prefix AND t.listable
                  AND (NOT :reviewed_only OR t.trendable OR lower(t.name) = :exact)
                ORDER BY length(t.name), lower(t.name)
                LIMIT :limit OFFSET :offset""",
                Map.of("prefix", LikePatterns.startingWith(name), "exact", name.toLowerCase(Locale.ROOT),
                        "reviewed_only", query.reviewedOnly(), "limit", query.limit(), "offset", query.offset()),
                (row, index) -> new ApiTag(row.getString("name"), uris.tag(row.getString("name")), List.of()));
    }
}
