package social.tsubame.federation.relay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The relays an admin added, and which of them take our public posts and may pass posts on to us. */
@Component
public class Relays {

    private static final String SELECT = "SELECT id, inbox_url, state, follow_activity_id, actor_uri, created_at,"
            + " updated_at FROM relays";

    private final JdbcTemplate jdbc;

    Relays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Relay> all() {
        return jdbc.query(SELECT + " ORDER BY id", Relays::row);
    }

    public Optional<Relay> find(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", Relays::row, id).stream().findFirst();
    }

    Optional<Relay> findByFollow(String followActivityId) {
        return jdbc.query(SELECT + " WHERE follow_activity_id = ?", Relays::row, followActivityId).stream()
                .findFirst();
    }

    /** The inboxes of the relays that accepted our Follow: every public local post goes to them too. */
    public List<String> acceptedInboxes() {
        return jdbc.queryForList("SELECT inbox_url FROM relays WHERE state = 'accepted'", String.class);
    }

    /** Whether the actor is a relay that accepted our Follow, and so may pass others' posts on to us. */
    public boolean isAcceptedRelay(String actorUri) {
        Boolean found = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM relays WHERE state = 'accepted'"
                + " AND actor_uri = ?)", Boolean.class, actorUri);
        return Boolean.TRUE.equals(found);
    }

    private static Relay row(ResultSet rs, int row) throws SQLException {
        return new Relay(rs.getLong("id"), rs.getString("inbox_url"),
                Relay.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getString("follow_activity_id"), rs.getString("actor_uri"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
