package social.tsubame.admin.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.api.model.AccountsToApiAccounts;
import social.tsubame.api.model.ApiAccount;
import social.tsubame.api.model.ApiDates;
import social.tsubame.web.Page;

/** Accounts, local and remote, with their login state, for moderators to find and look at. */
@Component
class AdminAccounts {

    /** Mastodon's v1 filters; each true or non-blank one narrows the list. */
    record Filters(boolean local, boolean remote, String byDomain, boolean active, boolean pending,
                   boolean disabled, boolean silenced, boolean suspended, boolean sensitized, String username,
                   String displayName, String email) {
    }

    private static final String SELECT = """
            SELECT a.id, a.username, a.domain, a.created_at, a.silenced_at, a.suspended_at, a.sensitized_at,
                   u.id AS user_id, u.email, u.locale, u.role, u.approved, u.disabled, u.confirmed_at,
                   u.sign_up_reason
            FROM accounts a LEFT JOIN users u ON u.account_id = a.id
            WHERE true""";

    private final NamedParameterJdbcTemplate jdbc;
    private final AccountsToApiAccounts toApiAccounts;

    AdminAccounts(NamedParameterJdbcTemplate jdbc, AccountsToApiAccounts toApiAccounts) {
        this.jdbc = jdbc;
        this.toApiAccounts = toApiAccounts;
    }

    Optional<AdminAccount> find(long accountId) {
        return withAccounts(jdbc.query(SELECT + " AND a.id = :id", Map.of("id", accountId), AdminAccounts::row))
                .stream().findFirst();
    }

    /** The accounts a page of something else names (reports and their notes), in one query. */
    Map<Long, AdminAccount> many(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return withAccounts(jdbc.query(SELECT + " AND a.id IN (:ids)", Map.of("ids", accountIds),
                AdminAccounts::row)).stream()
                .collect(Collectors.toMap(AdminAccount::idValue, Function.identity()));
    }

    List<AdminAccount> list(Filters filters, Page page) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new HashMap<>();
        if (filters.local()) {
            sql.append(" AND a.domain IS NULL AND u.id IS NOT NULL");
        }
        if (filters.remote()) {
            sql.append(" AND a.domain IS NOT NULL");
        }
        if (present(filters.byDomain())) {
            sql.append(" AND a.domain = lower(:domain)");
            params.put("domain", filters.byDomain().strip());
        }
        if (filters.active()) {
            sql.append(" AND a.suspended_at IS NULL AND (u.id IS NULL OR (u.approved AND NOT u.disabled))");
        }
        if (filters.pending()) {
            sql.append(" AND u.id IS NOT NULL AND NOT u.approved");
        }
        if (filters.disabled()) {
            sql.append(" AND u.disabled");
        }
        if (filters.silenced()) {
            sql.append(" AND a.silenced_at IS NOT NULL");
        }
        if (filters.suspended()) {
            sql.append(" AND a.suspended_at IS NOT NULL");
        }
        if (filters.sensitized()) {
            sql.append(" AND a.sensitized_at IS NOT NULL");
        }
        like(sql, params, "a.username", "username", filters.username());
        like(sql, params, "a.display_name", "display_name", filters.displayName());
        like(sql, params, "u.email", "email", filters.email());
        sql.append(page.sqlClause("a.id", params));
        return withAccounts(page.newestFirst(jdbc.query(sql.toString(), params, AdminAccounts::row)));
    }

    /** Mastodon matches these by what they start with, ignoring case. */
    private static void like(StringBuilder sql, Map<String, Object> params, String column, String name,
                             String value) {
        if (present(value)) {
            sql.append(" AND ").append(column).append(" ILIKE :").append(name).append(" ESCAPE '\\'");
            params.put(name, value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Adds the client API's view of each account, in one query for the page. */
    private List<AdminAccount> withAccounts(List<AdminAccount> rows) {
        Map<Long, ApiAccount> accounts = toApiAccounts.manyIncludingSuspended(
                rows.stream().map(row -> Long.valueOf(row.id())).toList());
        return rows.stream().map(row -> row.withAccount(accounts.get(Long.valueOf(row.id())))).toList();
    }

    private static AdminAccount row(ResultSet row, int index) throws SQLException {
        long id = row.getLong("id");
        boolean hasUser = row.getObject("user_id") != null;
        return new AdminAccount(String.valueOf(id), row.getString("username"), row.getString("domain"),
                date(row, "created_at"), row.getString("email"), null, List.of(), row.getString("locale"),
                row.getString("sign_up_reason"), hasUser ? role(row.getString("role")) : null,
                row.getTimestamp("confirmed_at") != null, hasUser && row.getBoolean("approved"),
                hasUser && row.getBoolean("disabled"), row.getTimestamp("silenced_at") != null,
                row.getTimestamp("suspended_at") != null, row.getTimestamp("sensitized_at") != null,
                null, null, null);
    }

    private static String date(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : ApiDates.format(timestamp.toInstant());
    }

    /** Mastodon's permission bits; a moderator's are manage_reports, manage_taxonomies and manage_users. */
    private static AdminAccount.AdminRole role(String role) {
        return switch (role) {
            case "owner" -> new AdminAccount.AdminRole("3", "Owner", "1", "", true);
            case "admin" -> new AdminAccount.AdminRole("2", "Admin", "1", "", true);
            case "moderator" -> new AdminAccount.AdminRole("1", "Moderator", "1296", "", true);
            default -> new AdminAccount.AdminRole("-99", "", "65536", "", false);
        };
    }
}
