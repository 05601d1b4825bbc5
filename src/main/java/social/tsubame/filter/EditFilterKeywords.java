package social.tsubame.filter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.filter.CustomFilter.FilterKeyword;
import social.tsubame.filter.FilterEvents.FiltersChanged;
import social.tsubame.queue.DomainEvents;

/** Keywords of a filter added, changed or removed one at a time. */
@Service
public class EditFilterKeywords {

    private final CustomFilters filters;
    private final TimeOrderedIds ids;
    private final DomainEvents events;

    public EditFilterKeywords(CustomFilters filters, TimeOrderedIds ids, DomainEvents events) {
        this.filters = filters;
        this.ids = ids;
        this.events = events;
    }

    @Transactional
    public FilterKeyword add(long accountId, long filterId, String keyword, Boolean wholeWord) {
        filters.findOwned(filterId, accountId).orElseThrow(ApiException::notFound);
        long id = ids.next();
        filters.insertKeyword(id, filterId, FilterKeywordText.require(keyword), !Boolean.FALSE.equals(wholeWord));
        events.publish(new FiltersChanged(accountId));
        return filters.findKeywordOwned(id, accountId).orElseThrow();
    }

    @Transactional
    public FilterKeyword update(long accountId, long keywordId, String keyword, Boolean wholeWord) {
        FilterKeyword current = filters.findKeywordOwned(keywordId, accountId).orElseThrow(ApiException::notFound);
        filters.updateKeyword(keywordId, keyword == null ? current.keyword() : FilterKeywordText.require(keyword),
                wholeWord == null ? current.wholeWord() : wholeWord);
        events.publish(new FiltersChanged(accountId));
        return filters.findKeywordOwned(keywordId, accountId).orElseThrow();
    }

    @Transactional
    public void remove(long accountId, long keywordId) {
        filters.findKeywordOwned(keywordId, accountId).orElseThrow(ApiException::notFound);
        filters.deleteKeyword(keywordId);
        events.publish(new FiltersChanged(accountId));
    }
}
