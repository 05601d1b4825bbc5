package social.tsubame.timeline;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;
import social.tsubame.timeline.ListEvents.ListMembersAdded;

/**
 * The owner adds accounts to a list. As on Mastodon, only accounts the owner follows: each membership keeps the
 * follow it relies on, and ends with it (the database cascades an unfollow). Adding a member twice is harmless.
 */
@Service
public class AddListMembers {

    private final Lists lists;
    private final NamedParameterJdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final DomainEvents events;

    public AddListMembers(Lists lists, NamedParameterJdbcTemplate jdbc, TimeOrderedIds ids, DomainEvents events) {
        this.lists = lists;
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
    }

    /** 404 when the list is not the owner's or an account does not exist, 422 when the owner follows one not. */
    @Transactional
    public void add(long ownerId, long listId, Collection<Long> accountIds) {
        TimelineList list = lists.findOwned(listId, ownerId).orElseThrow(ApiException::notFound);
        if (accountIds.isEmpty()) {
            return;
        }
        Map<String, Object> params = Map.of("owner", ownerId, "accounts", accountIds);
        int existing = jdbc.queryForObject("""
                SELECT count(*) FROM accounts WHERE id IN (:accounts) AND suspended_at IS NULL""",
                params, Integer.class);
        if (existing < accountIds.stream().distinct().count()) {
            throw ApiException.notFound();
        }
        List<Map<String, Object>> followed = jdbc.queryForList("""
                SELECT f.id, f.target_account_id FROM follows f
                WHERE f.account_id = :owner AND f.target_account_id IN (:accounts)""", params);
        if (followed.size() < existing) {
            throw ApiException.unprocessable("Validation failed: You must be following this account before"
                    + " you can add it to a list");
        }
        List<Long> added = followed.stream()
                .filter(follow -> jdbc.update("""
                        INSERT INTO list_accounts (id, list_id, account_id, follow_id)
                        VALUES (:id, :list, :account, :follow) ON CONFLICT DO NOTHING""",
                        Map.of("id", ids.next(), "list", list.id(), "account", follow.get("target_account_id"),
                                "follow", follow.get("id"))) > 0)
                .map(follow -> ((Number) follow.get("target_account_id")).longValue())
                .toList();
        if (!added.isEmpty()) {
            events.publish(new ListMembersAdded(list.id(), added));
        }
    }
}
