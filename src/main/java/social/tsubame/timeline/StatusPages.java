package social.tsubame.timeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.LimitedAccounts;
import social.tsubame.status.StatusVisibility;
import social.tsubame.web.Page;

/**
 * Pages of status ids from PostgreSQL for the timelines that are queries (public, local, tag, an account's),
 * newest first, visible to the viewer, without accounts the viewer blocks, mutes or hides the domain of.
 */
@Component
public class StatusPages {

    private final NamedParameterJdbcTemplate jdbc;

    public StatusPages(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which public statuses: all, local only or remote only, and only those with media. */
    public record PublicScope(boolean local, boolean remote, boolean onlyMedia) {
    }

    public List<Long> publicTimeline(PublicScope scope, Optional<Long> viewerId, Page page) {
        StringBuilder where = new StringBuilder("""
                s.visibility = 'public' AND s.deleted_at IS NULL AND s.reblog_of_id IS NULL""");
        if (scope.local()) {
            where.append(" AND s.local");
        } else if (scope.remote()) {
            where.append(" AND NOT s.local");
        }
        if (scope.onlyMedia()) {
            where.append(" AND EXISTS (SELECT 1 FROM media_attachments ma WHERE ma.status_id = s.id)");
        }
        return page(where.toString(), Map.of(), viewerId, page, true);
    }

    public List<Long> tagTimeline(String tag, boolean localOnly, Optional<Long> viewerId, Page page) {
        String where = """
                s.visibility = 'public' AND s.deleted_at IS NULL AND s.reblog_of_id IS NULL
                AND EXISTS (SELECT 1 FROM status_tags st JOIN tags t ON t.id = st.tag_id
                            WHERE st.status_id = s.id AND lower(t.name) = lower(:tag))"""
                + (localOnly ? " AND s.local" : "");
        return page(where, Map.of("tag", tag), viewerId, page, true);
    }

    /** What an account's profile lists. */
    public record AccountScope(boolean excludeReplies, boolean excludeReblogs, boolean onlyMedia, boolean pinned,
                               String tagged) {
    }

    public List<Long> accountTimeline(long accountId, AccountScope scope, Optional<Long> viewerId, Page page) {
        StringBuilder where = new StringBuilder("s.account_id = :account");
        Map<String, Object> params = new HashMap<>(Map.of("account", accountId));
        if (scope.excludeReplies()) {
            // threads the author continues are kept, as on Mastodon
            where.append(" AND (s.in_reply_to_id IS NULL OR s.in_reply_to_account_id = s.account_id)");
        }
        if (scope.excludeReblogs()) {
            where.append(" AND s.reblog_of_id IS NULL");
        }
        if (scope.onlyMedia()) {
            where.append(" AND EXISTS (SELECT 1 FROM media_attachments ma WHERE ma.status_id = s.id)");
        }
        if (scope.pinned()) {
            where.append(" AND EXISTS (SELECT 1 FROM status_pins p WHERE p.status_id = s.id"
                    + " AND p.account_id = :account)");
        }
        if (scope.tagged() != null && !scope.tagged().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM status_tags st JOIN tags t ON t.id = st.tag_id"
                    + " WHERE st.status_id = s.id AND lower(t.name) = lower(:tag))");
            params.put("tag", scope.tagged());
        }
        return page(where.toString(), params, viewerId, page, false);
    }

    /**
     * @param hideUnwanted whether the viewer's blocks, mutes and domain blocks hide authors, as in shared
     *                     timelines (a profile opened on purpose shows its posts)
     */
    private List<Long> page(String where, Map<String, Object> params, Optional<Long> viewer, Page page,
                            boolean hideUnwanted) {
        Map<String, Object> bound = new HashMap<>(params);
        bound.put("viewer", viewer.orElse(0L));
        StringBuilder sql = new StringBuilder("SELECT s.id FROM statuses s WHERE ").append(where)
                .append(" AND (").append(StatusVisibility.condition("s")).append(")");
        if (hideUnwanted && viewer.isPresent()) {
            sql.append("""
                     AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = :viewer
                                     AND b.target_account_id = s.account_id)
                                     OR (b.account_id = s.account_id AND b.target_account_id = :viewer))
                     AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.account_id = :viewer
                                     AND mu.target_account_id = s.account_id)
                     AND NOT EXISTS (SELECT 1 FROM account_domain_blocks d JOIN accounts a ON a.id = s.account_id
                                     WHERE d.account_id = :viewer AND d.domain = a.domain)""");
        }
        if (hideUnwanted) {
            // Limited accounts are seen in shared timelines only by themselves and their followers.
            sql.append(" AND NOT EXISTS (SELECT 1 FROM accounts la WHERE la.id = s.account_id AND la.id <> :viewer")
                    .append(" AND ").append(LimitedAccounts.covers("la")).append("""
                     AND NOT EXISTS (SELECT 1 FROM follows lf WHERE lf.account_id = :viewer
                                     AND lf.target_account_id = s.account_id))""");
        }
        sql.append(page.sqlClause("s.id", bound));
        return page.newestFirst(jdbc.queryForList(sql.toString(), bound, Long.class));
    }
}
