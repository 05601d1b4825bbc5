package social.tsubame.timeline;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import social.tsubame.web.Page;

/** List feeds: one {@link Feeds feed} per list, of its members' statuses, kept like home feeds. */
@Component
class ListFeeds {

    private final Feeds feeds;

    ListFeeds(Feeds feeds) {
        this.feeds = feeds;
    }

    private static String feed(long listId) {
        return "list:" + listId;
    }

    void add(long statusId, Collection<Long> listIds) {
        feeds.add(statusId, listIds.stream().map(ListFeeds::feed).toList());
    }

    void addAll(long listId, Collection<Long> statusIds) {
        feeds.addAll(feed(listId), statusIds);
    }

    void remove(long statusId, Collection<Long> listIds) {
        feeds.remove(statusId, listIds.stream().map(ListFeeds::feed).toList());
    }

    void drop(long listId) {
        feeds.drop(feed(listId));
    }

    /** Status ids of one page of a list's feed, newest first. */
    List<Long> read(long listId, Page page) {
        return page.ascending()
                ? feeds.readAbove(feed(listId), page.minId(), page.limit())
                : feeds.read(feed(listId), page.maxId(), page.sinceId(), page.limit());
    }
}
