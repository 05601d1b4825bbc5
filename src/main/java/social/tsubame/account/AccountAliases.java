package social.tsubame.account;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.ApiException;

/** The actor ids a local account is also known as ({@code alsoKnownAs}), read and written under a row lock. */
@Component
class AccountAliases {

    static final int MAX_ALIASES = 10;

    private final JdbcTemplate jdbc;

    AccountAliases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The aliases of a local account, its row locked until the transaction ends. */
    List<String> lockedAliasesOf(long localAccountId) {
        List<String[]> rows = jdbc.query("SELECT also_known_as FROM accounts WHERE id = ? AND domain IS NULL "
                + "FOR UPDATE", (rs, i) -> (String[]) rs.getArray(1).getArray(), localAccountId);
        if (rows.isEmpty()) {
            throw ApiException.notFound();
        }
        return new ArrayList<>(List.of(rows.getFirst()));
    }

    void save(long localAccountId, List<String> aliases) {
        if (aliases.size() > MAX_ALIASES) {
            throw ApiException.unprocessable("At most " + MAX_ALIASES + " aliases");
        }
        jdbc.update("UPDATE accounts SET also_known_as = ?, updated_at = now() WHERE id = ?",
                aliases.toArray(String[]::new), localAccountId);
    }
}
