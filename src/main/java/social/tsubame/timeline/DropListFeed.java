package social.tsubame.timeline;

import org.springframework.stereotype.Component;

import social.tsubame.queue.EventListener;
import social.tsubame.timeline.ListEvents.ListDeleted;

/** Frees the feed of a deleted list. */
@Component
class DropListFeed implements EventListener<ListDeleted> {

    private final ListFeeds feeds;

    DropListFeed(ListFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public String name() {
        return "timeline.list-drop";
    }

    @Override
    public Class<ListDeleted> eventType() {
        return ListDeleted.class;
    }

    @Override
    public void on(ListDeleted event) {
        feeds.drop(event.listId());
    }
}
