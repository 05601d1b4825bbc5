package social.tsubame.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import social.tsubame.web.Page;

/** The conversations of local accounts; lookups name the owner, so nobody reaches another's conversation. */
@Repository
public class AccountConversations {

    private final NamedParameterJdbcTemplate jdbc;

    public AccountConversations(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the account's conversations, the one with the newest status first, paged by that status. */
    public List<AccountConversation> page(long accountId, Page page) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        return page.newestFirst(jdbc.query("SELECT * FROM account_conversations WHERE account_id = :account"
                + page.sqlClause("last_status_id", params), params, AccountConversations::conversation));
    }

    public Optional<AccountConversation> findOwned(long id, long accountId) {
        return jdbc.query("SELECT * FROM account_conversations WHERE id = :id AND account_id = :account",
                Map.of("id", id, "account", accountId), AccountConversations::conversation).stream().findFirst();
    }

    /** The conversation of this thread among these participants, made when there is none; locked until commit. */
    long lockOrCreate(long newId, long accountId, long threadId, List<Long> participantIds, long statusId,
                      boolean unread) {
        Map<String, Object> params = Map.of("id", newId, "account", accountId, "thread", threadId,
                "participants", participantIds.stream().sorted().toArray(Long[]::new), "status", statusId,
                "unread", unread);
        jdbc.update("""
                INSERT INTO account_conversations (id, account_id, thread_id, participant_account_ids,
                                                   last_status_id, unread)
                VALUES (:id, :account, :thread, :participants, :status, :unread)
                ON CONFLICT (account_id, thread_id, participant_account_ids) DO NOTHING""", params);
        return jdbc.queryForObject("""
                SELECT id FROM account_conversations
                WHERE account_id = :account AND thread_id = :thread AND participant_account_ids = :participants
                FOR UPDATE""", params, Long.class);
    }

    /** False when the status was in it already. */
    boolean addStatus(long conversationId, long statusId) {
        return jdbc.update("""
                INSERT INTO account_conversation_statuses (account_conversation_id, status_id)
                VALUES (:conversation, :status) ON CONFLICT DO NOTHING""",
                Map.of("conversation", conversationId, "status", statusId)) == 1;
    }

    void noteNewStatus(long conversationId, long statusId, boolean unread) {
        jdbc.update("""
                UPDATE account_conversations SET last_status_id = greatest(last_status_id, :status), unread = :unread
                WHERE id = :conversation""",
                Map.of("conversation", conversationId, "status", statusId, "unread", unread));
    }

    /** The conversations holding a status, with their owners, locked until commit. */
    Map<Long, Long> ownersOfConversationsWith(long statusId) {
        Map<Long, Long> owners = new HashMap<>();
        jdbc.query("""
                SELECT c.id, c.account_id FROM account_conversations c
                JOIN account_conversation_statuses s ON s.account_conversation_id = c.id
                WHERE s.status_id = :status ORDER BY c.id FOR UPDATE OF c""", Map.of("status", statusId),
                (ResultSet row) -> {
                    owners.put(row.getLong("id"), row.getLong("account_id"));
                });
        return owners;
    }

    /** Takes a status out; the conversation goes too when it was its last. Returns whether the conversation is left. */
    boolean removeStatus(long conversationId, long statusId) {
        Map<String, Object> params = Map.of("conversation", conversationId, "status", statusId);
        jdbc.update("""
                DELETE FROM account_conversation_statuses
                WHERE account_conversation_id = :conversation AND status_id = :status""", params);
        Optional<Long> latest = Optional.ofNullable(jdbc.queryForObject("""
                SELECT max(status_id) FROM account_conversation_statuses
                WHERE account_conversation_id = :conversation""", params, Long.class));
        if (latest.isEmpty()) {
            jdbc.update("DELETE FROM account_conversations WHERE id = :conversation", params);
            return false;
        }
        jdbc.update("UPDATE account_conversations SET last_status_id = :latest WHERE id = :conversation",
                Map.of("conversation", conversationId, "latest", latest.get()));
        return true;
    }

    int markRead(long id, long accountId) {
        return jdbc.update("UPDATE account_conversations SET unread = false WHERE id = :id AND account_id = :account",
                Map.of("id", id, "account", accountId));
    }

    int delete(long id, long accountId) {
        return jdbc.update("DELETE FROM account_conversations WHERE id = :id AND account_id = :account",
                Map.of("id", id, "account", accountId));
    }

    private static AccountConversation conversation(ResultSet row, int rowNumber) throws SQLException {
        Long[] participants = (Long[]) row.getArray("participant_account_ids").getArray();
        return new AccountConversation(row.getLong("id"), row.getLong("account_id"), Arrays.asList(participants),
                row.getLong("last_status_id"), row.getBoolean("unread"));
    }
}
