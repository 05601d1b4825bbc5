package social.tsubame.timeline;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.web.Page;

/**
 * Pages of a list's timeline: its feed, less the posts of accounts that are no longer members. Filtering when
 * reading spares trimming the feed when a member is removed or unfollowed (the database drops that membership
 * without telling anyone).
 */
@Component
public class ListTimeline {

    private final ListFeeds feeds;
    private final NamedParameterJdbcTemplate jdbc;

    ListTimeline(ListFeeds feeds, NamedParameterJdbcTemplate jdbc) {
        this.feeds = feeds;
        this.jdbc = jdbc;
    }

    /** Status ids, newest first; the caller checks that the list is the viewer's and what the viewer may see. */
    public List<Long> page(long listId, Page page) {
        List<Long> ids = feeds.read(listId, page);
        if (ids.isEmpty()) {
            return ids;
        }
        Set<Long> byMembers = new HashSet<>(jdbc.queryForList("""
                SELECT s.id FROM statuses s
                WHERE s.id IN (:ids) AND EXISTS (SELECT 1 FROM list_accounts la
                                                 WHERE la.list_id = :list AND la.account_id = s.account_id)""",
                Map.of("ids", ids, "list", listId), Long.class));
        return ids.stream().filter(byMembers::contains).toList();
    }
}
