package social.tsubame.timeline;

import org.springframework.stereotype.Component;

import social.tsubame.queue.EventListener;
import social.tsubame.timeline.ListEvents.ListMembersAdded;

/** Fills a list's feed with the recent posts of accounts just added, so the list does not start out empty. */
@Component
class BackfillListFeed implements EventListener<ListMembersAdded> {

    /** As many as one page of a timeline can show. */
    static final int STATUSES_PER_MEMBER = 40;

    private final ListAudience audience;
    private final ListFeeds feeds;

    BackfillListFeed(ListAudience audience, ListFeeds feeds) {
        this.audience = audience;
        this.feeds = feeds;
    }

    @Override
    public String name() {
        return "timeline.list-backfill";
    }

    @Override
    public Class<ListMembersAdded> eventType() {
        return ListMembersAdded.class;
    }

    @Override
    public void on(ListMembersAdded event) {
        for (long member : event.accountIds()) {
            feeds.addAll(event.listId(), audience.recentOf(event.listId(), member, STATUSES_PER_MEMBER));
        }
    }
}
