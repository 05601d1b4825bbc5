package social.tsubame.api.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.web.Page;

/**
 * Pages of accounts listed by some relationship row (a follow, a block, a favourite), paged by that row's id as
 * Mastodon does, so that a page boundary stays put when accounts are added.
 */
@Component
public class AccountRows {

    private final NamedParameterJdbcTemplate jdbc;
    private final AccountsToApiAccounts accounts;

    public AccountRows(NamedParameterJdbcTemplate jdbc, AccountsToApiAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /**
     * @param select a query of {@code row_id, account_id} over rows aliased {@code r}, with a WHERE clause and
     *               without ORDER BY or LIMIT
     */
    public ResponseEntity<List<ApiAccount>> page(String select, Map<String, Object> params, Page page,
                                                 HttpServletRequest request) {
        Map<String, Object> bound = new HashMap<>(params);
        String sql = select + page.sqlClause("r.id", bound);
        record Row(long rowId, long accountId) {
        }
        List<Row> rows = page.newestFirst(jdbc.query(sql, bound, (result, index) -> new Row(result.getLong("row_id"),
                result.getLong("account_id"))));
        Map<Long, ApiAccount> rendered = accounts.many(rows.stream().map(Row::accountId).toList());
        List<ApiAccount> listed = rows.stream().map(row -> rendered.get(row.accountId()))
                .filter(account -> account != null).toList();
        return Page.respond(listed, rows.stream().map(Row::rowId).toList(), request);
    }
}
