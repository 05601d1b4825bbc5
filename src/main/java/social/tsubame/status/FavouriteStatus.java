package social.tsubame.status;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;
import social.tsubame.status.StatusEvents.FavouriteWithdrawn;
import social.tsubame.status.StatusEvents.StatusFavourited;

/**
 * An account favourites a status, or takes it back. Both are idempotent: only a change publishes an event, and the
 * counter follows the rows.
 */
@Service
public class FavouriteStatus {

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final DomainEvents events;

    public FavouriteStatus(JdbcTemplate jdbc, TimeOrderedIds ids, DomainEvents events) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
    }

    /** @param uri the Like activity's id, when it came from another server */
    @Transactional
    public void favourite(long accountId, long statusId, String uri) {
        long id = ids.next();
        int added = jdbc.update("INSERT INTO favourites (id, account_id, status_id, uri) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", id, accountId, statusId, uri);
        if (added == 1) {
            adjustCount(statusId, 1);
            events.publish(new StatusFavourited(id, accountId, statusId));
        }
    }

    @Transactional
    public void unfavourite(long accountId, long statusId) {
        jdbc.queryForList("DELETE FROM favourites WHERE account_id = ? AND status_id = ? RETURNING id", Long.class,
                accountId, statusId).forEach(id -> {
                    adjustCount(statusId, -1);
                    events.publish(new FavouriteWithdrawn(id, accountId, statusId));
                });
    }

    /** Takes back a remote Like named by its id; returns whether there was one. */
    @Transactional
    public boolean unfavouriteByUri(long accountId, String uri) {
        var statusIds = jdbc.queryForList("DELETE FROM favourites WHERE account_id = ? AND uri = ? RETURNING status_id",
                Long.class, accountId, uri);
        statusIds.forEach(statusId -> adjustCount(statusId, -1));
        return !statusIds.isEmpty();
    }

    private void adjustCount(long statusId, int delta) {
        if (delta != 0) {
            jdbc.update("UPDATE statuses SET favourites_count = greatest(favourites_count + ?, 0) WHERE id = ?",
                    delta, statusId);
        }
    }
}
