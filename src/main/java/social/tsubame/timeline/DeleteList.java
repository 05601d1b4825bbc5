package social.tsubame.timeline;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.queue.DomainEvents;
import social.tsubame.timeline.ListEvents.ListDeleted;

/** The owner deletes a list; its members go with it, its feed a moment later. */
@Service
public class DeleteList {

    private final Lists lists;
    private final DomainEvents events;

    public DeleteList(Lists lists, DomainEvents events) {
        this.lists = lists;
        this.events = events;
    }

    @Transactional
    public void delete(long ownerId, long listId) {
        TimelineList list = lists.findOwned(listId, ownerId).orElseThrow(ApiException::notFound);
        lists.delete(list);
        events.publish(new ListDeleted(list.id()));
    }
}
