package social.tsubame.timeline;

import org.springframework.stereotype.Component;

import social.tsubame.status.StatusEvents.StatusCreated;
import social.tsubame.status.StatusEvents.StatusDeleted;
import social.tsubame.status.Statuses;
import social.tsubame.queue.EventListener;

/** Puts new statuses into the home feeds of their audience, and takes deleted ones out. */
@Component
class FanOutStatus implements EventListener<StatusCreated> {

    private final Statuses statuses;
    private final FeedAudience audience;
    private final HomeFeeds feeds;

    FanOutStatus(Statuses statuses, FeedAudience audience, HomeFeeds feeds) {
        this.statuses = statuses;
        this.audience = audience;
        this.feeds = feeds;
    }

    @Override
    public String name() {
        return "timeline.fan-out";
    }

    @Override
    public Class<StatusCreated> eventType() {
        return StatusCreated.class;
    }

    @Override
    public void on(StatusCreated event) {
        statuses.findById(event.statusId()).filter(status -> !status.isDeleted())
                .ifPresent(status -> feeds.add(status.id(), audience.of(status)));
    }

    @Component
    static class RemoveDeleted implements EventListener<StatusDeleted> {
        private final FeedAudience audience;
        private final HomeFeeds feeds;

        RemoveDeleted(FeedAudience audience, HomeFeeds feeds) {
            this.audience = audience;
            this.feeds = feeds;
        }

        @Override
        public String name() {
            return "timeline.remove";
        }

        @Override
        public Class<StatusDeleted> eventType() {
            return StatusDeleted.class;
        }

        @Override
        public void on(StatusDeleted event) {
            feeds.remove(event.statusId(), audience.everyonePossible(event.accountId(), event.statusId()));
        }
    }
}
