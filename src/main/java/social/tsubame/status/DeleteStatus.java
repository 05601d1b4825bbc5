package social.tsubame.status;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.queue.DomainEvents;
import social.tsubame.status.StatusEvents.StatusDeleted;

/**
 * Its author deletes a status; the row stays as a tombstone. Only the delete that turns a live status into a
 * tombstone publishes the event, so two copies of one Delete arriving at once delete it once.
 */
@Service
public class DeleteStatus {

    private final Statuses statuses;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DomainEvents events;

    public DeleteStatus(Statuses statuses, JdbcTemplate jdbc, Clock clock, DomainEvents events) {
        this.statuses = statuses;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Deletes a status of {@code authorId}; a status of someone else is "not found". */
    @Transactional
    public void delete(long statusId, long authorId) {
        Status status = statuses.findById(statusId).filter(found -> found.accountId() == authorId)
                .orElseThrow(ApiException::notFound);
        Timestamp now = Timestamp.from(clock.instant());
        // A targeted update, not a save of the loaded row: it must not write back columns others changed meanwhile.
        int deleted = jdbc.update("UPDATE statuses SET deleted_at = ?, updated_at = ? "
                + "WHERE id = ? AND account_id = ? AND deleted_at IS NULL", now, now, statusId, authorId);
        if (deleted == 1) {
            events.publish(new StatusDeleted(status.id(), authorId, status.uri(), status.isLocal()));
        }
    }
}
