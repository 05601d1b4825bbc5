package social.tsubame.timeline;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which list feeds a status belongs in: those of lists containing its author, for statuses that reach followers,
 * and for a reply only when the list's replies policy shows it. Replies to the author itself or to the list's owner
 * always show, as on Mastodon.
 */
@Component
public class ListAudience {

    private static final String SHOWN = """
            (s.visibility IN ('public', 'unlisted', 'private') AND s.deleted_at IS NULL
             AND (s.in_reply_to_account_id IS NULL
                  OR s.in_reply_to_account_id IN (s.account_id, l.account_id)
                  OR (l.replies_policy = 'followed' AND EXISTS (SELECT 1 FROM follows rf
                          WHERE rf.account_id = l.account_id AND rf.target_account_id = s.in_reply_to_account_id))
                  OR (l.replies_policy = 'list' AND EXISTS (SELECT 1 FROM list_accounts rm
                          WHERE rm.list_id = l.id AND rm.account_id = s.in_reply_to_account_id))))""";

    private final NamedParameterJdbcTemplate jdbc;

    ListAudience(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> of(long statusId) {
        return jdbc.queryForList("""
                SELECT l.id FROM statuses s
                JOIN list_accounts la ON la.account_id = s.account_id
                JOIN lists l ON l.id = la.list_id
                WHERE s.id = :status AND %s""".formatted(SHOWN), Map.of("status", statusId), Long.class);
    }

    /** The newest statuses of a member that belong in a list's feed, to fill it when the member joins. */
    List<Long> recentOf(long listId, long memberId, int limit) {
        return jdbc.queryForList("""
                SELECT s.id FROM statuses s JOIN lists l ON l.id = :list
                WHERE s.account_id = :member AND %s
                ORDER BY s.id DESC LIMIT :limit""".formatted(SHOWN),
                Map.of("list", listId, "member", memberId, "limit", limit), Long.class);
    }

    /** Every list that may have a status of the author in its feed: for removal. */
    public List<Long> containing(long authorId) {
        return jdbc.queryForList("SELECT list_id FROM list_accounts WHERE account_id = :author",
                Map.of("author", authorId), Long.class);
    }
}
