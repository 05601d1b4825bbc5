package social.tsubame.filter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.filter.CustomFilter.FilterKeyword;
import social.tsubame.filter.FilterEvents.FiltersChanged;
import social.tsubame.queue.DomainEvents;

/**
 * A v1 filter deleted: its keyword goes, and its filter with it when nothing else is left in it (a filter that still
 * holds other keywords or statuses stays).
 */
@Service
public class DeleteLegacyFilter {

    private final CustomFilters filters;
    private final DomainEvents events;

    public DeleteLegacyFilter(CustomFilters filters, DomainEvents events) {
        this.filters = filters;
        this.events = events;
    }

    @Transactional
    public void delete(long accountId, long keywordId) {
        FilterKeyword keyword = filters.findKeywordOwned(keywordId, accountId).orElseThrow(ApiException::notFound);
        filters.deleteKeyword(keywordId);
        filters.findOwned(keyword.filterId(), accountId)
                .filter(filter -> filter.keywords().isEmpty() && filter.statuses().isEmpty())
                .ifPresent(filter -> filters.delete(filter.id()));
        events.publish(new FiltersChanged(accountId));
    }
}
