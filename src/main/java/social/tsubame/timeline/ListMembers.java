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
        Map<String, Object> params = new HashMap<>(Map.of("list", listId));
        String sql = """
                SELECT la.account_id FROM list_accounts la JOIN accounts a ON a.id = la.account_id
                WHERE la.list_id = :list AND a.suspended_at IS NULL""" + page.sqlClause("la.account_id", params);
        return page.newestFirst(jdbc.queryForList(sql, params, Long.class));
    }

    /** Every member, for clients that ask with {@code limit=0}. */
    public List<Long> all(long listId) {
        return jdbc.queryForList("""
                SELECT la.account_id FROM list_accounts la JOIN accounts a ON a.id = la.account_id
                WHERE la.list_id = :list AND a.suspended_at IS NULL ORDER BY la.account_id DESC""",
                Map.of("list", listId), Long.class);
    }
}
