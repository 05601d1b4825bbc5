package social.tsubame.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;
import social.tsubame.status.StatusEvents.StatusCreated;

/**
 * A remote account boosts a status: the boost is a status of its own pointing at the original, so it reaches the
 * booster's followers like a post does. The same Announce twice is stored once.
 */
@Service
public class ReceiveRemoteReblog {

    private final JdbcTemplate jdbc;
    private final Statuses statuses;
    private final DeleteStatus deleteStatus;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final DomainEvents events;

    public ReceiveRemoteReblog(JdbcTemplate jdbc, Statuses statuses, DeleteStatus deleteStatus, TimeOrderedIds ids,
                               Clock clock, DomainEvents events) {
        this.jdbc = jdbc;
        this.statuses = statuses;
        this.deleteStatus = deleteStatus;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    /** Returns the id of the boost, or empty if it was there already or the original may not be boosted. */
    @Transactional
    public Optional<Long> receive(long accountId, Status original, String announceUri, Visibility visibility) {
        if (original.isDeleted() || !(original.visibility() == Visibility.PUBLIC
                || original.visibility() == Visibility.UNLISTED)) {
            return Optional.empty();
        }
        long id = ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        int added = jdbc.update("""
                INSERT INTO statuses (id, account_id, uri, visibility, reblog_of_id, local, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, false, ?, ?) ON CONFLICT DO NOTHING
                """, id, accountId, announceUri, visibility.apiValue(), original.id(), now, now);
        if (added == 0) {
            return Optional.empty();
        }
        jdbc.update("UPDATE statuses SET reblogs_count = reblogs_count + 1 WHERE id = ?", original.id());
        events.publish(new StatusCreated(id, accountId, false, visibility, false));
        return Optional.of(id);
    }

    /** Undoes a boost named by its Announce id; returns whether there was one. */
    @Transactional
    public boolean undo(long accountId, String announceUri) {
        Optional<Status> boost = statuses.findByUri(announceUri)
                .filter(found -> found.accountId() == accountId && found.reblogOfId() != null && !found.isDeleted());
        boost.ifPresent(found -> {
            deleteStatus.delete(found.id(), accountId);
            jdbc.update("UPDATE statuses SET reblogs_count = greatest(reblogs_count - 1, 0) WHERE id = ?",
                    found.reblogOfId());
        });
        return boost.isPresent();
    }
}
