package social.tsubame.status;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;

/** An account favourites a status, or takes it back. Both are idempotent; the counter follows the rows. */
@Service
public class FavouriteStatus {

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;

    public FavouriteStatus(JdbcTemplate jdbc, TimeOrderedIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** @param uri the Like activity's id, when it came from another server */
    @Transactional
    public void favourite(long accountId, long statusId, String uri) {
        int added = jdbc.update("INSERT INTO favourites (id, account_id, status_id, uri) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", ids.next(), accountId, statusId, uri);
        adjustCount(statusId, added);
    }

    @Transactional
    public void unfavourite(long accountId, long statusId) {
        adjustCount(statusId, -jdbc.update("DELETE FROM favourites WHERE account_id = ? AND status_id = ?",
                accountId, statusId));
    }

    /** Takes back a remote Like named by its id; returns whether there was one. */
    @Transactional
    public boolean unfavouriteByUri(long accountId, String uri) {
        var statusIds = jdbc.queryForList("DELETE FROM favourites WHERE account_id = ? AND uri = ? RETURNING status_id",
                Long.class, accountId, uri);
        statusIds.forEach(statusId -> adjustCount(statusId, -1));
        return !statusIds.isEmpty();
    }

    public boolean hasFavourited(long accountId, long statusId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM favourites WHERE account_id = ? AND status_id = ?)", Boolean.class,
                accountId, statusId));
    }

    private void adjustCount(long statusId, int delta) {
        if (delta != 0) {
            jdbc.update("UPDATE statuses SET favourites_count = greatest(favourites_count + ?, 0) WHERE id = ?",
                    delta, statusId);
        }
    }
}
