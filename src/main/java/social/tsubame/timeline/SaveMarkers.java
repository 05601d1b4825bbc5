package social.tsubame.timeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.timeline.Markers.Marker;

/**
 * A client saves where its user stopped reading. Each save checks the version it read, so that of two clients
 * saving at once one fails with 409, as on Mastodon, rather than silently losing to the other.
 */
@Service
public class SaveMarkers {

    private final Markers markers;
    private final NamedParameterJdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;

    public SaveMarkers(Markers markers, NamedParameterJdbcTemplate jdbc, TimeOrderedIds ids, Clock clock) {
        this.markers = markers;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** @param lastReadIds by timeline; timelines other than home and notifications are ignored */
    @Transactional
    public List<Marker> save(long accountId, Map<String, Long> lastReadIds) {
        List<String> timelines = lastReadIds.keySet().stream().filter(Markers.TIMELINES::contains).sorted().toList();
        for (String timeline : timelines) {
            Optional<Marker> current = markers.find(accountId, List.of(timeline)).stream().findFirst();
            Map<String, Object> params = Map.of("id", ids.next(), "account", accountId, "timeline", timeline,
                    "last_read", lastReadIds.get(timeline), "version", current.map(Marker::version).orElse(0),
                    "now", Timestamp.from(clock.instant()));
            int saved = current.isEmpty()
                    ? jdbc.update("""
                            INSERT INTO markers (id, account_id, timeline, last_read_id, created_at, updated_at)
                            VALUES (:id, :account, :timeline, :last_read, :now, :now) ON CONFLICT DO NOTHING""",
                            params)
                    : jdbc.update("""
                            UPDATE markers SET last_read_id = :last_read, version = version + 1, updated_at = :now
                            WHERE account_id = :account AND timeline = :timeline AND version = :version""", params);
            if (saved == 0) {
                throw new ApiException(HttpStatus.CONFLICT, "Conflict during update, please try again");
            }
        }
        return markers.find(accountId, timelines);
    }
}
