package social.tsubame.status;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.queue.DomainEvents;
import social.tsubame.status.StatusEvents.StatusDeleted;

/** Its author deletes a status; the row stays as a tombstone. Deleting twice is harmless. */
@Service
public class DeleteStatus {

    private final Statuses statuses;
    private final Clock clock;
    private final DomainEvents events;

    public DeleteStatus(Statuses statuses, Clock clock, DomainEvents events) {
        this.statuses = statuses;
        this.clock = clock;
        this.events = events;
    }

    /** Deletes a status of {@code authorId}; a status of someone else is "not found". */
    @Transactional
    public Status delete(long statusId, long authorId) {
        Status status = statuses.findById(statusId).filter(found -> found.accountId() == authorId)
                .orElseThrow(ApiException::notFound);
        if (!status.isDeleted()) {
            status.markDeleted(clock.instant());
            events.publish(new StatusDeleted(status.id(), authorId, status.uri(), status.isLocal()));
        }
        return status;
    }
}
