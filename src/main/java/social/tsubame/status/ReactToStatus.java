package social.tsubame.status;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;
import social.tsubame.status.StatusEvents.ReactionWithdrawn;
import social.tsubame.status.StatusEvents.StatusReacted;

/**
 * Emoji reactions, as Misskey and Akkoma users leave them: one of each emoji per account and status. Only a new
 * reaction publishes an event.
 */
@Service
public class ReactToStatus {

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final DomainEvents events;

    public ReactToStatus(JdbcTemplate jdbc, TimeOrderedIds ids, DomainEvents events) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
    }

    /** @param name a unicode emoji, or a custom emoji's shortcode without colons */
    @Transactional
    public void react(long accountId, long statusId, String name, String uri) {
        long id = ids.next();
        int added = jdbc.update("INSERT INTO emoji_reactions (id, account_id, status_id, name, uri) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", id, accountId, statusId, name, uri);
        if (added == 1) {
            events.publish(new StatusReacted(id, accountId, statusId, name));
        }
    }

    /** Takes back a reaction of a local account. */
    @Transactional
    public void unreact(long accountId, long statusId, String name) {
        jdbc.queryForList("DELETE FROM emoji_reactions WHERE account_id = ? AND status_id = ? AND name = ? "
                        + "RETURNING id", Long.class, accountId, statusId, name)
                .forEach(id -> events.publish(new ReactionWithdrawn(id, accountId, statusId, name)));
    }

    /** Takes back a remote reaction named by its activity id; returns whether there was one. */
    @Transactional
    public boolean unreactByUri(long accountId, String uri) {
        return jdbc.update("DELETE FROM emoji_reactions WHERE account_id = ? AND uri = ?", accountId, uri) > 0;
    }

    /** Reactions of a status: emoji and how many accounts left it. */
    public Map<String, Long> counts(long statusId) {
        return jdbc.query("SELECT name, count(*) FROM emoji_reactions WHERE status_id = ? GROUP BY name ORDER BY "
                        + "min(id)", rs -> {
                    Map<String, Long> counts = new java.util.LinkedHashMap<>();
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                    return counts;
                }, statusId);
    }
}
