package social.tsubame.filter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.filter.CustomFilter.FilteredStatus;
import social.tsubame.filter.FilterEvents.FiltersChanged;
import social.tsubame.queue.DomainEvents;

/** Single statuses put into a filter or taken out of it. */
@Service
public class EditFilterStatuses {

    private final CustomFilters filters;
    private final TimeOrderedIds ids;
    private final DomainEvents events;

    public EditFilterStatuses(CustomFilters filters, TimeOrderedIds ids, DomainEvents events) {
        this.filters = filters;
        this.ids = ids;
        this.events = events;
    }

    /** The caller checks that the viewer may see the status. */
    @Transactional
    public FilteredStatus add(long accountId, long filterId, long statusId) {
        CustomFilter filter = filters.findOwned(filterId, accountId).orElseThrow(ApiException::notFound);
        if (filter.statuses().stream().anyMatch(status -> status.statusId() == statusId)) {
            throw ApiException.unprocessable("Validation failed: Status has already been taken");
        }
        long id = ids.next();
        filters.insertStatus(id, filterId, statusId);
        events.publish(new FiltersChanged(accountId));
        return filters.findStatusOwned(id, accountId).orElseThrow();
    }

    @Transactional
    public void remove(long accountId, long filterStatusId) {
        filters.findStatusOwned(filterStatusId, accountId).orElseThrow(ApiException::notFound);
        filters.deleteStatus(filterStatusId);
        events.publish(new FiltersChanged(accountId));
    }
}
