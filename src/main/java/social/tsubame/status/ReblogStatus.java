package social.tsubame.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.core.Uris;
import social.tsubame.queue.DomainEvents;
import social.tsubame.status.StatusEvents.StatusCreated;

/**
 * A local account boosts a status, or takes the boost back. The boost is a status of its own pointing at the
 * original, so it reaches the booster's followers like a post. Only public and unlisted statuses can be boosted.
 */
@Service
public class ReblogStatus {

    private final Accounts accounts;
    private final Statuses statuses;
    private final DeleteStatus deleteStatus;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Uris uris;
    private final Clock clock;
    private final DomainEvents events;

    public ReblogStatus(Accounts accounts, Statuses statuses, DeleteStatus deleteStatus, JdbcTemplate jdbc,
                        TimeOrderedIds ids, Uris uris, Clock clock, DomainEvents events) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.deleteStatus = deleteStatus;
        this.jdbc = jdbc;
        this.ids = ids;
        this.uris = uris;
        this.clock = clock;
        this.events = events;
    }

    /** Returns the id of the boost; boosting twice returns the first boost. */
    @Transactional
    public long reblog(long accountId, long statusId) {
        Account booster = accounts.findById(accountId).filter(Account::isLocal).orElseThrow(ApiException::notFound);
        Status original = statuses.findById(statusId).filter(status -> !status.isDeleted())
                .orElseThrow(ApiException::notFound);
        if (original.visibility() != Visibility.PUBLIC && original.visibility() != Visibility.UNLISTED) {
            throw ApiException.unprocessable("This status cannot be boosted");
        }
        Optional<Long> existing = liveBoost(accountId, statusId);
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO statuses (id, account_id, uri, url, visibility, reblog_of_id, local, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'public', ?, true, ?, ?)
                """, id, accountId, uris.status(booster.username(), id) + "/activity",
                uris.statusPage(booster.username(), id), statusId, now, now);
        jdbc.update("UPDATE statuses SET reblogs_count = reblogs_count + 1 WHERE id = ?", statusId);
        events.publish(new StatusCreated(id, accountId, true, Visibility.PUBLIC, false));
        return id;
    }

    @Transactional
    public void unreblog(long accountId, long statusId) {
        liveBoost(accountId, statusId).ifPresent(boostId -> {
            deleteStatus.delete(boostId, accountId);
            jdbc.update("UPDATE statuses SET reblogs_count = greatest(reblogs_count - 1, 0) WHERE id = ?", statusId);
        });
    }

    private Optional<Long> liveBoost(long accountId, long statusId) {
        return jdbc.queryForList("SELECT id FROM statuses WHERE account_id = ? AND reblog_of_id = ? "
                + "AND deleted_at IS NULL", Long.class, accountId, statusId).stream().findFirst();
    }
}
