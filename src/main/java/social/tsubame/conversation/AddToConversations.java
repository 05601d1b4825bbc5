package social.tsubame.conversation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;
import social.tsubame.queue.EventListener;
import social.tsubame.status.Status;
import social.tsubame.status.StatusEvents.StatusCreated;
import social.tsubame.status.Statuses;
import social.tsubame.status.Visibility;

/**
 * Files a new direct status, local or remote, into the conversation of each local participant: its author when
 * local, and each local account it mentions unless that account blocks or mutes the author or blocks its domain (as
 * it would get no notification of it). A conversation is one thread among the same others; the status is unread
 * for everyone but its author. Running twice files it once.
 */
@Component
class AddToConversations implements EventListener<StatusCreated> {

    /** Far deeper than any real thread; only a loop in broken reply data could reach it. */
    private static final int MAX_THREAD_DEPTH = 1000;

    private final Statuses statuses;
    private final AccountConversations conversations;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final DomainEvents events;

    AddToConversations(Statuses statuses, AccountConversations conversations, JdbcTemplate jdbc,
                       TimeOrderedIds ids, DomainEvents events) {
        this.statuses = statuses;
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
    }

    @Override
    public String name() {
        return "conversation.add";
    }

    @Override
    public Class<StatusCreated> eventType() {
        return StatusCreated.class;
    }

    @Override
    public boolean wants(StatusCreated event) {
        return event.mayBeDirect();
    }

    @Override
    @Transactional
    public void on(StatusCreated event) {
        statuses.findById(event.statusId())
                .filter(status -> !status.isDeleted() && status.visibility() == Visibility.DIRECT
                        && status.reblogOfId() == null)
                .ifPresent(this::file);
    }

    private void file(Status status) {
        List<Long> mentioned = jdbc.queryForList(
                "SELECT account_id FROM mentions WHERE status_id = ? AND NOT silent ORDER BY account_id",
                Long.class, status.id());
        Set<Long> everyone = new LinkedHashSet<>(mentioned);
        everyone.add(status.accountId());
        long threadId = threadOf(status.id());
        for (long owner : owners(status)) {
            List<Long> others = new ArrayList<>(everyone);
            others.remove(owner);
            boolean unread = owner != status.accountId();
            long conversationId = conversations.lockOrCreate(ids.next(), owner, threadId, others, status.id(),
                    unread);
            if (conversations.addStatus(conversationId, status.id())) {
                conversations.noteNewStatus(conversationId, status.id(), unread);
                events.publish(new ConversationUpdated(conversationId, owner));
            }
        }
    }

    private List<Long> owners(Status status) {
        return jdbc.queryForList("""
                SELECT a.id FROM accounts a
                WHERE a.domain IS NULL AND a.suspended_at IS NULL
                  AND (a.id = ?
                       OR a.id IN (SELECT m.account_id FROM mentions m WHERE m.status_id = ? AND NOT m.silent)
                          AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = a.id AND b.target_account_id = ?)
                          AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = a.id AND m.target_account_id = ?
                                          AND (m.expires_at IS NULL OR m.expires_at > now()))
                          AND NOT EXISTS (SELECT 1 FROM account_domain_blocks d JOIN accounts author ON author.id = ?
                                          WHERE d.account_id = a.id AND d.domain = author.domain))
                ORDER BY a.id""", Long.class, status.accountId(), status.id(), status.accountId(),
                status.accountId(), status.accountId());
    }

    /** The first status we know of the thread: replies climb to it through the posts they answer. */
    private long threadOf(long statusId) {
        return jdbc.queryForObject("""
                WITH RECURSIVE thread (id, parent, depth) AS (
                    SELECT id, in_reply_to_id, 0 FROM statuses WHERE id = ?
                    UNION ALL
                    SELECT s.id, s.in_reply_to_id, thread.depth + 1
                    FROM statuses s JOIN thread ON s.id = thread.parent
                    WHERE thread.depth < ?)
                SELECT id FROM thread ORDER BY depth DESC LIMIT 1""", Long.class, statusId, MAX_THREAD_DEPTH);
    }
}
