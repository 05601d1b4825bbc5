package social.tsubame.admin.api;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.api.model.AccountsToApiAccounts;
import social.tsubame.api.model.ApiAccount;
import social.tsubame.api.model.ApiDates;

/** Renders the accounts a page of reports names, each fetched once for the page. */
@Component
class AdminReportAccounts {

    private final NamedParameterJdbcTemplate jdbc;
    private final AccountsToApiAccounts accounts;

    AdminReportAccounts(NamedParameterJdbcTemplate jdbc, AccountsToApiAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Accounts that can no longer be shown are left out. */
    Map<Long, AdminReportAccount> many(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, ApiAccount> rendered = accounts.many(accountIds);
        Map<Long, AdminReportAccount> result = new HashMap<>();
        jdbc.query("""
                SELECT a.id, a.username, a.domain, a.created_at, a.silenced_at, a.suspended_at,
                       u.email, u.locale, u.role, u.approved, u.confirmed_at, u.disabled, u.sign_up_reason
                FROM accounts a LEFT JOIN users u ON u.account_id = a.id
                WHERE a.id IN (:ids)""", Map.of("ids", accountIds), row -> {
            long id = row.getLong("id");
            ApiAccount account = rendered.get(id);
            if (account == null) {
                return;
            }
            String role = row.getString("role");
            result.put(id, new AdminReportAccount(Long.toString(id), row.getString("username"),
                    row.getString("domain"), ApiDates.format(row.getTimestamp("created_at").toInstant()),
                    row.getString("email"), null, List.of(), row.getString("locale"),
                    row.getString("sign_up_reason"),
                    role == null ? null : new ApiAccount.Role(role, role, "0", "", false),
                    row.getTimestamp("confirmed_at") != null, row.getBoolean("approved"), row.getBoolean("disabled"),
                    row.getTimestamp("silenced_at") != null, row.getTimestamp("suspended_at") != null, false,
                    account));
        });
        return result;
    }
}
