package social.tsubame.timeline;

import org.springframework.stereotype.Component;

import social.tsubame.queue.EventListener;
import social.tsubame.status.StatusEvents.StatusCreated;
import social.tsubame.status.StatusEvents.StatusDeleted;

/** Puts new statuses into the feeds of the lists containing their authors, and takes deleted ones out. */
@Component
class FanOutToLists implements EventListener<StatusCreated> {

    private final ListAudience audience;
    private final ListFeeds feeds;

    FanOutToLists(ListAudience audience, ListFeeds feeds) {
        this.audience = audience;
        this.feeds = feeds;
    }

    @Override
    public String name() {
        return "timeline.list-fan-out";
    }

    @Override
    public Class<StatusCreated> eventType() {
        return StatusCreated.class;
    }

    @Override
    public void on(StatusCreated event) {
        feeds.add(event.statusId(), audience.of(event.statusId()));
    }

    @Component
    static class RemoveDeleted implements EventListener<StatusDeleted> {
        private final ListAudience audience;
        private final ListFeeds feeds;

        RemoveDeleted(ListAudience audience, ListFeeds feeds) {
            this.audience = audience;
            this.feeds = feeds;
        }

        @Override
        public String name() {
            return "timeline.list-remove";
        }

        @Override
        public Class<StatusDeleted> eventType() {
            return StatusDeleted.class;
        }

        @Override
        public void on(StatusDeleted event) {
            feeds.remove(event.statusId(), audience.containing(event.accountId()));
        }
    }
}
