package social.tsubame.api.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.status.StatusVisibility;
import social.tsubame.web.Page;

/**
 * Full-text search over the statuses a person may look for: public ones of accounts, local or remote, that opted in
 * to search ({@code indexable}, as on Mastodon since 4.2), their own, those mentioning them, and those they
 * favourited or bookmarked; always only what they may see, without authors they block or mute. Newest first.
 */
@Component
class SearchStatuses {

    /** @param accountId only statuses of this author, when not {@code null} */
    record Query(String text, Long accountId, Page page, int offset) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    SearchStatuses(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> search(Query query, long viewer) {
        Map<String, Object> params = new HashMap<>(Map.of("text", query.text(), "viewer", viewer,
                "offset", query.offset()));
        StringBuilder sql = new StringBuilder("""
                SELECT s.id FROM statuses s
                WHERE s.deleted_at IS NULL AND s.reblog_of_id IS NULL
                  AND status_search_document(s.local, s.text, s.content, s.spoiler_text)
                      @@ websearch_to_tsquery('simple', :text)
                  AND ((s.visibility = 'public' AND EXISTS (SELECT 1 FROM accounts author
                                                            WHERE author.id = s.account_id AND author.indexable))
                       OR s.account_id = :viewer
                       OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = :viewer)
                       OR EXISTS (SELECT 1 FROM favourites fa WHERE fa.status_id = s.id AND fa.account_id = :viewer)
                       OR EXISTS (SELECT 1 FROM bookmarks bm WHERE bm.status_id = s.id AND bm.account_id = :viewer))
                  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = :viewer
                                  AND b.target_account_id = s.account_id)
                  AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.account_id = :viewer
                                  AND mu.target_account_id = s.account_id)
                """).append(" AND (").append(StatusVisibility.condition("s")).append(")");
        if (query.accountId() != null) {
            sql.append(" AND s.account_id = :account");
            params.put("account", query.accountId());
        }
        sql.append(query.page().sqlClause("s.id", params)).append(" OFFSET :offset");
        return query.page().newestFirst(jdbc.queryForList(sql.toString(), params, Long.class));
    }
}
