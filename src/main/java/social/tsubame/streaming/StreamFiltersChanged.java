package social.tsubame.streaming;

import org.springframework.stereotype.Component;

import social.tsubame.filter.FilterEvents.FiltersChanged;
import social.tsubame.queue.EventListener;

/** Announces a change someone made to their filters. */
@Component
class StreamFiltersChanged implements EventListener<FiltersChanged> {

    private final AnnounceFiltersChanged announcement;

    StreamFiltersChanged(AnnounceFiltersChanged announcement) {
        this.announcement = announcement;
    }

    @Override
    public String name() {
        return "streaming.filters-changed";
    }

    @Override
    public Class<FiltersChanged> eventType() {
        return FiltersChanged.class;
    }

    @Override
    public void on(FiltersChanged event) {
        announcement.announce(event.accountId());
    }
}
