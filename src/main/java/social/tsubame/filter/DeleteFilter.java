package social.tsubame.filter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.filter.FilterEvents.FiltersChanged;
import social.tsubame.queue.DomainEvents;

/** A local account drops one of its filters, with its keywords and statuses. */
@Service
public class DeleteFilter {

    private final CustomFilters filters;
    private final DomainEvents events;

    public DeleteFilter(CustomFilters filters, DomainEvents events) {
        this.filters = filters;
        this.events = events;
    }

    @Transactional
    public void delete(long accountId, long filterId) {
        filters.findOwned(filterId, accountId).orElseThrow(ApiException::notFound);
        filters.delete(filterId);
        events.publish(new FiltersChanged(accountId));
    }
}
