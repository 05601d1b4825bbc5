package social.tsubame.instance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Counts other servers and clients show about this one: users, their activity, local posts, known domains. */
@Component
public class InstanceStatistics {

    public record Counts(long users, long activeMonth, long activeHalfyear, long localPosts, long domains) {
    }

    private final JdbcTemplate jdbc;

    public InstanceStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Counts counts() {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM users WHERE NOT disabled),
                       (SELECT count(*) FROM users WHERE NOT disabled
                                                 AND current_sign_in_at > now() - interval '30 days'),
                       (SELECT count(*) FROM users WHERE NOT disabled
                                                 AND current_sign_in_at > now() - interval '180 days'),
                       (SELECT count(*) FROM statuses WHERE local AND deleted_at IS NULL),
                       (SELECT count(DISTINCT domain) FROM accounts WHERE domain IS NOT NULL)
                """, (rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5)));
    }
}
