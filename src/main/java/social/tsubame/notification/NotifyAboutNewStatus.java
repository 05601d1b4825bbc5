package social.tsubame.notification;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.notification.NotifyAccount.Notice;
import social.tsubame.queue.EventListener;
import social.tsubame.status.Status;
import social.tsubame.status.StatusEvents.StatusCreated;
import social.tsubame.status.Statuses;

/**
 * Whom a new status notifies, as on Mastodon. A boost: the local author of the boosted status. Any other post: the
 * local accounts it mentions, and the local followers who asked to hear of every post of its author; those are not
 * told of direct posts or replies to others, nor twice when the post mentions them too.
 */
@Component
class NotifyAboutNewStatus implements EventListener<StatusCreated> {

    private final Statuses statuses;
    private final JdbcTemplate jdbc;
    private final NotifyAccount notify;

    NotifyAboutNewStatus(Statuses statuses, JdbcTemplate jdbc, NotifyAccount notify) {
        this.statuses = statuses;
        this.jdbc = jdbc;
        this.notify = notify;
    }

    @Override
    public String name() {
        return "notification.new-status";
    }

    @Override
    public Class<StatusCreated> eventType() {
        return StatusCreated.class;
    }

    @Override
    public void on(StatusCreated event) {
        statuses.findById(event.statusId()).filter(status -> !status.isDeleted()).ifPresent(status -> {
            if (status.reblogOfId() != null) {
                notifyBoosted(status);
            } else {
                notifyAudience(status);
            }
        });
    }

    private void notifyBoosted(Status boost) {
        statuses.findById(boost.reblogOfId()).ifPresent(original -> notify.notify(Notice.about(original.accountId(),
                boost.accountId(), NotificationType.REBLOG, boost.id(), original.id())));
    }

    private void notifyAudience(Status status) {
        Set<Long> mentioned = mentionedLocally(status.id());
        for (long recipient : mentioned) {
            notify.notify(Notice.about(recipient, status.accountId(), NotificationType.MENTION, status.id(),
                    status.id()));
        }
        if (status.visibility().reachesFollowers() && !repliesToSomeoneElse(status)) {
            subscribers(status.accountId()).stream().filter(recipient -> !mentioned.contains(recipient))
                    .forEach(recipient -> notify.notify(Notice.about(recipient, status.accountId(),
                            NotificationType.STATUS, status.id(), status.id())));
        }
    }

    /** Local accounts a status mentions, but for those it mentions silently. */
    private Set<Long> mentionedLocally(long statusId) {
        return new HashSet<>(jdbc.queryForList("""
                SELECT m.account_id FROM mentions m JOIN accounts a ON a.id = m.account_id
                WHERE m.status_id = ? AND NOT m.silent AND a.domain IS NULL
                """, Long.class, statusId));
    }

    /** A reply to a post we do not have counts as a reply to someone else: most replies are. */
    private static boolean repliesToSomeoneElse(Status status) {
        boolean reply = status.inReplyToId() != null || status.inReplyToUri() != null;
        return reply && !Objects.equals(status.inReplyToAccountId(), status.accountId());
    }

    /** Local followers who follow with notifications on (Mastodon's bell). */
    private List<Long> subscribers(long authorId) {
        return jdbc.queryForList("""
                SELECT f.account_id FROM follows f JOIN accounts a ON a.id = f.account_id
                WHERE f.target_account_id = ? AND f.notify AND a.domain IS NULL
                """, Long.class, authorId);
    }
}
