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
     * @param select a query of {@code row_id, account_id} over rows aliased {@code r}, without ORDER BY or LIMIT;
     *               it may use {@code :max_id} and {@code :min_id} through the condition it is given
     */
    public ResponseEntity<List<ApiAccount>> page(String select, Map<String, Object> params, Page page,
                                                 HttpServletRequest request) {
        Map<String, Object> bound = new HashMap<>(params);
        StringBuilder sql = new StringBuilder(select);
        if (page.maxId() != null) {
            sql.append(" AND r.id < :max_id");
            bound.put("max_id", page.maxId());
        }
        if (page.lowerBound() != null) {
            sql.append(" AND r.id > :min_id");
            bound.put("min_id", page.lowerBound());
        }
        sql.append(page.ascending() ? " ORDER BY r.id ASC" : " ORDER BY r.id DESC").append(" LIMIT :limit");
        bound.put("limit", page.limit());
        record Row(long rowId, long accountId) {
        }
        List<Row> rows = jdbc.query(sql.toString(), bound, (result, index) -> new Row(result.getLong("row_id"),
                result.getLong("account_id")));
        if (page.ascending()) {
            rows = rows.reversed();
        }
        Map<Long, ApiAccount> rendered = accounts.many(rows.stream().map(Row::accountId).toList());
        List<ApiAccount> listed = rows.stream().map(row -> rendered.get(row.accountId()))
                .filter(account -> account != null).toList();
        return Page.respond(listed, rows.stream().map(Row::rowId).toList(), request);
    }
}
