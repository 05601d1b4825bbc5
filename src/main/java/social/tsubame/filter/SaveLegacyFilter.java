package social.tsubame.filter;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.filter.CustomFilter.FilterKeyword;
import social.tsubame.filter.FilterEvents.FilterExpirySet;
import social.tsubame.filter.FilterEvents.FiltersChanged;
import social.tsubame.queue.DomainEvents;

/**
 * A filter created or changed through the v1 API: a filter titled by its phrase with that phrase as its one keyword.
 * Changing a v1 filter changes its keyword, and the filter's title, contexts, action or expiry too; those belong to
 * every keyword of the filter, so, as on Mastodon, they may not be changed this way when it has several.
 */
@Service
public class SaveLegacyFilter {

    /**
     * @param contexts     null on update to keep them
     * @param irreversible hide rather than warn; null for warn on create, to keep the action on update
     * @param wholeWord    null for true on create, to keep it on update
     * @param expiresIn    seconds from now; null never expires on create and keeps the expiry on update
     * @param neverExpires the app sent an empty expiry, which takes any expiry away
     */
    public record Command(String phrase, Set<FilterContext> contexts, Boolean irreversible, Boolean wholeWord,
                          Long expiresIn, boolean neverExpires) {
    }

    private final CustomFilters filters;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final DomainEvents events;

    public SaveLegacyFilter(CustomFilters filters, TimeOrderedIds ids, Clock clock, DomainEvents events) {
        this.filters = filters;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public LegacyFilter create(long accountId, Command command) {
        String phrase = FilterKeywordText.require(command.phrase());
        if (command.contexts() == null || command.contexts().isEmpty()) {
            throw ApiException.unprocessable("Validation failed: Context can't be blank");
        }
        Instant now = clock.instant();
        Instant expiresAt = command.expiresIn() == null ? null : now.plusSeconds(command.expiresIn());
        long filterId = ids.next();
        filters.insert(filterId, accountId, phrase, command.contexts(), action(command.irreversible()), expiresAt,
                now);
        long keywordId = ids.next();
        filters.insertKeyword(keywordId, filterId, phrase, !Boolean.FALSE.equals(command.wholeWord()));
        announce(accountId, filterId, expiresAt);
        return found(keywordId, accountId);
    }

    @Transactional
    public LegacyFilter update(long accountId, long keywordId, Command command) {
        FilterKeyword keyword = filters.findKeywordOwned(keywordId, accountId).orElseThrow(ApiException::notFound);
        CustomFilter filter = filters.findOwned(keyword.filterId(), accountId).orElseThrow(ApiException::notFound);
        Instant now = clock.instant();
        String phrase = command.phrase() == null ? keyword.keyword() : FilterKeywordText.require(command.phrase());
        String title = command.phrase() == null ? filter.title() : phrase;
        Set<FilterContext> contexts = command.contexts() == null || command.contexts().isEmpty()
                ? filter.contexts() : command.contexts();
        FilterAction action = command.irreversible() == null ? filter.action() : action(command.irreversible());
        Instant expiresAt = command.neverExpires() ? null
                : command.expiresIn() == null ? filter.expiresAt() : now.plusSeconds(command.expiresIn());
        boolean filterChanged = !title.equals(filter.title()) || !contexts.equals(filter.contexts())
                || action != filter.action() || !Objects.equals(expiresAt, filter.expiresAt());
        if (filterChanged && filter.keywords().size() > 1) {
            throw ApiException.unprocessable("Validation failed: this filter has several keywords; change its "
                    + "title, context, action or expiry through the filters (v2) API");
        }
        filters.updateKeyword(keywordId, phrase,
                command.wholeWord() == null ? keyword.wholeWord() : command.wholeWord());
        if (filterChanged) {
            filters.update(filter.id(), title, contexts, action, expiresAt, now);
        }
        announce(accountId, filter.id(), command.expiresIn() == null ? null : expiresAt);
        return found(keywordId, accountId);
    }

    private LegacyFilter found(long keywordId, long accountId) {
        FilterKeyword keyword = filters.findKeywordOwned(keywordId, accountId).orElseThrow();
        return new LegacyFilter(filters.findOwned(keyword.filterId(), accountId).orElseThrow(), keyword);
    }

    /** @param newExpiry the expiry this request gave the filter; null when it set none */
    private void announce(long accountId, long filterId, Instant newExpiry) {
        events.publish(new FiltersChanged(accountId));
        if (newExpiry != null) {
            events.publish(new FilterExpirySet(accountId, filterId, newExpiry));
        }
    }

    private static FilterAction action(Boolean irreversible) {
        return Boolean.TRUE.equals(irreversible) ? FilterAction.HIDE : FilterAction.WARN;
    }
}
