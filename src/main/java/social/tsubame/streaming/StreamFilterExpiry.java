package social.tsubame.streaming;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import social.tsubame.filter.CustomFilter;
import social.tsubame.filter.CustomFilters;
import social.tsubame.filter.FilterEvents.FilterExpirySet;
import social.tsubame.queue.DeferJob;
import social.tsubame.queue.EventListener;

/**
 * Sends {@code filters_changed} when a filter expires, since no request marks that moment: the job waits in the
 * queue's schedule until the expiry, then speaks only if the filter still has that expiry (a filter changed or
 * deleted since was announced by its own change).
 */
@Component
class StreamFilterExpiry implements EventListener<FilterExpirySet> {

    private static final Duration SAME_MOMENT = Duration.ofMillis(1);

    private final CustomFilters filters;
    private final AnnounceFiltersChanged announcement;
    private final Clock clock;

    StreamFilterExpiry(CustomFilters filters, AnnounceFiltersChanged announcement, Clock clock) {
        this.filters = filters;
        this.announcement = announcement;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "streaming.filter-expiry";
    }

    @Override
    public Class<FilterExpirySet> eventType() {
        return FilterExpirySet.class;
    }

    @Override
    public void on(FilterExpirySet event) {
        Instant now = clock.instant();
        if (now.isBefore(event.expiresAt())) {
            throw new DeferJob("the filter expires later", Duration.between(now, event.expiresAt()));
        }
        boolean unchanged = filters.findOwned(event.filterId(), event.accountId()).map(CustomFilter::expiresAt)
                .filter(stored -> sameMoment(stored, event.expiresAt())).isPresent();
        if (unchanged) {
            announcement.announce(event.accountId());
        }
    }

    /** PostgreSQL rounds to microseconds what the clock gave in nanoseconds; another expiry is seconds away. */
    private static boolean sameMoment(Instant stored, Instant expected) {
        return Duration.between(stored, expected).abs().compareTo(SAME_MOMENT) < 0;
    }
}
