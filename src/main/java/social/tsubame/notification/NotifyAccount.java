package social.tsubame.notification;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.LimitedAccounts;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;

/**
 * Gives a local account a notification, unless it would rather not have it: none about itself, none from an account it
 * blocks, mutes with notifications hidden, or whose domain it blocks, none from a suspended account, none from a
 * silenced account it does not follow, none about a deleted status. One cause notifies once, however often its job runs.
 */
@Component
class NotifyAccount {

    /** Favourites, boosts and follows of one hour share a group (API v2), as in Mastodon's hour buckets. */
    private static final long GROUP_SECONDS = 3600;

    /**
     * @param sourceId what caused it: the follow, follow request, favourite, reaction, status edit or boost, or the
     *                 status itself for a mention or new post
     * @param statusId the status it is about, if any
     * @param emoji    the emoji of a reaction
     * @param reportId the report a moderator is told of
     */
    record Notice(long recipientId, long fromAccountId, NotificationType type, long sourceId, Long statusId,
                  String emoji, Long reportId) {

        static Notice about(long recipientId, long fromAccountId, NotificationType type, long sourceId,
                            Long statusId) {
            return new Notice(recipientId, fromAccountId, type, sourceId, statusId, null, null);
        }

        static Notice reaction(long recipientId, long fromAccountId, long reactionId, long statusId, String emoji) {
            return new Notice(recipientId, fromAccountId, NotificationType.REACTION, reactionId, statusId, emoji,
                    null);
        }

        static Notice ofReport(long moderatorId, long reporterId, long reportId) {
            return new Notice(moderatorId, reporterId, NotificationType.ADMIN_REPORT, reportId, null, null, reportId);
        }
    }

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final DomainEvents events;

    NotifyAccount(JdbcTemplate jdbc, TimeOrderedIds ids, DomainEvents events) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
    }

    /** Returns the new notification's id; empty when it was not wanted or already given. */
    @Transactional
    Optional<Long> notify(Notice notice) {
        long id = ids.next();
        // One statement, so the rules are checked against the same rows the insert sees.
        Optional<Long> created = jdbc.queryForList("""
                INSERT INTO notifications (id, account_id, from_account_id, type, source_id, status_id, emoji,
                                           report_id, group_key)
                SELECT ?, recipient.id, sender.id, ?, ?, ?::bigint, ?::text, ?::bigint, ?::text
                FROM accounts recipient JOIN accounts sender ON sender.id = ?
                WHERE recipient.id = ? AND recipient.domain IS NULL AND recipient.id <> sender.id
                  AND sender.suspended_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM blocks b
                                  WHERE b.account_id = recipient.id AND b.target_account_id = sender.id)
                  AND NOT EXISTS (SELECT 1 FROM mutes m
                                  WHERE m.account_id = recipient.id AND m.target_account_id = sender.id
                                    AND m.hide_notifications AND (m.expires_at IS NULL OR m.expires_at > now()))
                  AND NOT EXISTS (SELECT 1 FROM account_domain_blocks d
                                  WHERE d.account_id = recipient.id AND d.domain = sender.domain)
                  AND NOT EXISTS (SELECT 1 FROM statuses s WHERE s.id = ?::bigint AND s.deleted_at IS NOT NULL)
                  AND (NOT %s
                       OR EXISTS (SELECT 1 FROM follows f
                                  WHERE f.account_id = recipient.id AND f.target_account_id = sender.id))
                ON CONFLICT (account_id, type, source_id) DO NOTHING
                RETURNING id
                """.formatted(LimitedAccounts.covers("sender")), Long.class, id, notice.type().apiValue(),
                notice.sourceId(), notice.statusId(), notice.emoji(), notice.reportId(), groupKey(notice, id),
                notice.fromAccountId(), notice.recipientId(), notice.statusId())
                .stream().findFirst();
        created.ifPresent(notificationId -> events.publish(new NotificationCreated(notificationId,
                notice.recipientId())));
        return created;
    }

    /** Favourites and boosts group by status, follows by recipient; other notifications stand alone. */
    private static String groupKey(Notice notice, long id) {
        long bucket = TimeOrderedIds.timeOf(id).getEpochSecond() / GROUP_SECONDS;
        return switch (notice.type()) {
            case FAVOURITE, REBLOG -> notice.type().apiValue() + "-" + notice.statusId() + "-" + bucket;
            case FOLLOW -> notice.type().apiValue() + "-" + bucket;
            default -> null;
        };
    }
}
