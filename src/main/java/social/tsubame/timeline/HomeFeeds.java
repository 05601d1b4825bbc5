package social.tsubame.timeline;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

/** Home feeds: one {@link Feeds feed} per local account, of the statuses it follows. */
@Component
public class HomeFeeds {

    private final Feeds feeds;

    HomeFeeds(Feeds feeds) {
        this.feeds = feeds;
    }

    static String feed(long accountId) {
        return "home:" + accountId;
    }

    /** Adds a status to many feeds at once, pipelined. */
    public void add(long statusId, Collection<Long> accountIds) {
        feeds.add(statusId, accountIds.stream().map(HomeFeeds::feed).toList());
    }

    public void remove(long statusId, Collection<Long> accountIds) {
        feeds.remove(statusId, accountIds.stream().map(HomeFeeds::feed).toList());
    }

    /** Status ids of a feed, newest first, strictly between the bounds (either may be null). */
    public List<Long> read(long accountId, Long maxId, Long sinceId, int limit) {
        return feeds.read(feed(accountId), maxId, sinceId, limit);
    }

    /** The page just above {@code minId}: the {@code limit} oldest entries newer than it, newest first. */
    public List<Long> readAbove(long accountId, long minId, int limit) {
        return feeds.readAbove(feed(accountId), minId, limit);
    }
}
