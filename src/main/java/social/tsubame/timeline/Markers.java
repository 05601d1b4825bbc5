package social.tsubame.timeline;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Where a local account stopped reading its home timeline and its notifications, kept in sync across clients. */
@Component
public class Markers {

    public static final Set<String> TIMELINES = Set.of("home", "notifications");

    /** @param version counts the saves after the first, so a client can tell a newer position from its own */
    public record Marker(String timeline, long lastReadId, int version, Instant updatedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    Markers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's markers among {@code timelines}; timelines without one are left out. */
    public List<Marker> find(long accountId, Collection<String> timelines) {
        if (timelines.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT timeline, last_read_id, version, updated_at FROM markers
                WHERE account_id = :account AND timeline IN (:timelines) ORDER BY timeline""",
                Map.of("account", accountId, "timelines", timelines),
                (row, n) -> new Marker(row.getString("timeline"), row.getLong("last_read_id"), row.getInt("version"),
                        row.getTimestamp("updated_at").toInstant()));
    }
}
