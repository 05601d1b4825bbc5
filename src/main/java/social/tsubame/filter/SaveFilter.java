package social.tsubame.filter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.filter.CustomFilter.FilterKeyword;
import social.tsubame.filter.FilterEvents.FilterExpirySet;
import social.tsubame.filter.FilterEvents.FiltersChanged;
import social.tsubame.queue.DomainEvents;

/** A local account creates or changes a filter, its keywords edited in the same request as Mastodon allows. */
@Service
public class SaveFilter {

    /**
     * @param contexts  null on update to keep them
     * @param action    null for warn on create, to keep it on update
     * @param expiresIn seconds from now; null never expires on create and keeps the expiry on update
     */
    public record Command(String title, Set<FilterContext> contexts, FilterAction action, Long expiresIn,
                          List<KeywordChange> keywords) {
    }

    /** A keyword to add (no id), change, or remove ({@code destroy}). */
    public record KeywordChange(Long id, String keyword, Boolean wholeWord, boolean destroy) {
    }

    private final CustomFilters filters;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final DomainEvents events;

    public SaveFilter(CustomFilters filters, TimeOrderedIds ids, Clock clock, DomainEvents events) {
        this.filters = filters;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public CustomFilter create(long accountId, Command command) {
        Instant now = clock.instant();
        if (command.title() == null || command.title().isBlank()) {
            throw ApiException.unprocessable("Validation failed: Title can't be blank");
        }
        if (command.contexts() == null || command.contexts().isEmpty()) {
            throw ApiException.unprocessable("Validation failed: Context can't be blank");
        }
        long id = ids.next();
        Instant expiresAt = expiry(command, now);
        filters.insert(id, accountId, command.title(), command.contexts(),
                command.action() == null ? FilterAction.WARN : command.action(), expiresAt, now);
        applyKeywords(id, List.of(), command.keywords());
        announce(accountId, id, expiresAt);
        return filters.findOwned(id, accountId).orElseThrow();
    }

    @Transactional
    public CustomFilter update(long accountId, long filterId, Command command) {
        CustomFilter current = filters.findOwned(filterId, accountId).orElseThrow(ApiException::notFound);
        Instant now = clock.instant();
        String title = command.title() == null || command.title().isBlank() ? current.title() : command.title();
        Set<FilterContext> contexts = command.contexts() == null || command.contexts().isEmpty()
                ? current.contexts() : command.contexts();
        Instant newExpiry = expiry(command, now);
        filters.update(filterId, title, contexts, command.action() == null ? current.action() : command.action(),
                command.expiresIn() == null ? current.expiresAt() : newExpiry, now);
        applyKeywords(filterId, current.keywords(), command.keywords());
        announce(accountId, filterId, newExpiry);
        return filters.findOwned(filterId, accountId).orElseThrow();
    }

    /** @param newExpiry the expiry this request gave the filter; null when it set none */
    private void announce(long accountId, long filterId, Instant newExpiry) {
        events.publish(new FiltersChanged(accountId));
        if (newExpiry != null) {
            events.publish(new FilterExpirySet(accountId, filterId, newExpiry));
        }
    }

    private void applyKeywords(long filterId, List<FilterKeyword> existing, List<KeywordChange> changes) {
        if (changes == null) {
            return;
        }
        for (KeywordChange change : changes) {
            if (change.id() == null) {
                if (!change.destroy()) {
                    filters.insertKeyword(ids.next(), filterId, FilterKeywordText.require(change.keyword()),
                            !Boolean.FALSE.equals(change.wholeWord()));
                }
                continue;
            }
            FilterKeyword keyword = existing.stream().filter(candidate -> candidate.id() == change.id())
                    .findFirst().orElseThrow(ApiException::notFound);
            if (change.destroy()) {
                filters.deleteKeyword(keyword.id());
            } else {
                filters.updateKeyword(keyword.id(),
                        change.keyword() == null ? keyword.keyword() : FilterKeywordText.require(change.keyword()),
                        change.wholeWord() == null ? keyword.wholeWord() : change.wholeWord());
            }
        }
    }

    private static Instant expiry(Command command, Instant now) {
        return command.expiresIn() == null ? null : now.plusSeconds(command.expiresIn());
    }
}
