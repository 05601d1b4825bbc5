package social.tsubame.moderation;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Moderators' warnings to accounts, as their targets are shown them. */
@Repository
public class AccountWarnings {

    private final NamedParameterJdbcTemplate jdbc;

    AccountWarnings(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The warnings a page of notifications names, by id, in one query. */
    public Map<Long, AccountWarning> many(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("""
                SELECT id, target_account_id, action, text, created_at FROM account_warnings WHERE id IN (:ids)""",
                Map.of("ids", ids), (row, index) -> new AccountWarning(row.getLong("id"),
                        row.getLong("target_account_id"), row.getString("action"), row.getString("text"),
                        row.getTimestamp("created_at").toInstant()))
                .stream().collect(Collectors.toMap(AccountWarning::id, Function.identity()));
    }
}
