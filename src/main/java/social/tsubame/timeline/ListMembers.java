package social.tsubame.timeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.web.Page;

/** The accounts of a list, paged by account id as Mastodon pages them; suspended accounts are left out. */
@Component
public class ListMembers {

    private final NamedParameterJdbcTemplate jdbc;

    ListMembers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> page(long listId, Page page) {
        Map<String, Object> params = new HashMap<>(Map.of("list", listId, "limit", page.limit()));
        StringBuilder sql = new StringBuilder("""
                SELECT la.account_id FROM list_accounts la JOIN accounts a ON a.id = la.account_id
                WHERE la.list_id = :list AND a.suspended_at IS NULL""");
        if (page.maxId() != null) {
            sql.append(" AND la.account_id < :max_id");
            params.put("max_id", page.maxId());
        }
        if (page.lowerBound() != null) {
            sql.append(" AND la.account_id > :min_id");
            params.put("min_id", page.lowerBound());
        }
        sql.append(page.ascending() ? " ORDER BY la.account_id ASC" : " ORDER BY la.account_id DESC")
                .append(" LIMIT :limit");
        List<Long> ids = jdbc.queryForList(sql.toString(), params, Long.class);
        return page.ascending() ? ids.reversed() : ids;
    }

    /** Every member, for clients that ask with {@code limit=0}. */
    public List<Long> all(long listId) {
        return jdbc.queryForList("""
                SELECT la.account_id FROM list_accounts la JOIN accounts a ON a.id = la.account_id
                WHERE la.list_id = :list AND a.suspended_at IS NULL ORDER BY la.account_id DESC""",
                Map.of("list", listId), Long.class);
    }
}
