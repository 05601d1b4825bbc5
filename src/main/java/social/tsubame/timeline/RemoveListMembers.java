package social.tsubame.timeline;

import java.util.Collection;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/**
 * The owner removes accounts from a list. Their posts stay in the list's feed but are no longer shown
 * ({@link ListTimeline} keeps members' posts only), the same as after an unfollow ends a membership.
 */
@Service
public class RemoveListMembers {

    private final Lists lists;
    private final NamedParameterJdbcTemplate jdbc;

    public RemoveListMembers(Lists lists, NamedParameterJdbcTemplate jdbc) {
        this.lists = lists;
        this.jdbc = jdbc;
    }

    @Transactional
    public void remove(long ownerId, long listId, Collection<Long> accountIds) {
        TimelineList list = lists.findOwned(listId, ownerId).orElseThrow(ApiException::notFound);
        if (!accountIds.isEmpty()) {
            jdbc.update("DELETE FROM list_accounts WHERE list_id = :list AND account_id IN (:accounts)",
                    Map.of("list", list.id(), "accounts", accountIds));
        }
    }
}
