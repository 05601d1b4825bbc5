package social.tsubame.account;

import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.FollowEvents.FollowRequested;
import social.tsubame.account.FollowEvents.Followed;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.core.Uris;
import social.tsubame.queue.DomainEvents;

/**
 * Writes follows and follow requests with the counters and events that go with them, for the follow use cases; it
 * runs inside their transactions.
 */
@Component
class FollowLedger {

    private final Follows follows;
    private final FollowRequests requests;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final DomainEvents events;
    private final Accounts accounts;
    private final Uris uris;

    FollowLedger(Follows follows, FollowRequests requests, JdbcTemplate jdbc, TimeOrderedIds ids, Clock clock,
                 DomainEvents events, Accounts accounts, Uris uris) {
        this.follows = follows;
        this.requests = requests;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.accounts = accounts;
        this.uris = uris;
    }

    Follow startFollowing(long followerId, long targetId, boolean showReblogs, boolean notify, String uri) {
        Follow follow = follows.save(new Follow(ids.next(), followerId, targetId, showReblogs, notify, uri,
                clock.instant()));
        adjustCounts(followerId, targetId, 1);
        events.publish(new Followed(follow.id(), followerId, targetId, uri));
        return follow;
    }

    /**
     * @param uri the Follow's id when another server sent it; null for a local follower, whose Follow gets its id
     *            here, so that an Undo can name the very Follow that was sent
     */
    FollowRequest request(long followerId, long targetId, boolean showReblogs, boolean notify, String uri) {
        long id = ids.next();
        String followUri = uri != null ? uri : accounts.findById(followerId).filter(Account::isLocal)
                .map(follower -> uris.activity(follower.username(), "follows", id)).orElse(null);
        FollowRequest request = requests.save(new FollowRequest(id, followerId, targetId, showReblogs, notify,
                followUri, clock.instant()));
        events.publish(new FollowRequested(request.id(), followerId, targetId));
        return request;
    }

    void stopFollowing(Follow follow) {
        follows.delete(follow);
        adjustCounts(follow.followerId(), follow.targetId(), -1);
    }

    private void adjustCounts(long followerId, long targetId, int delta) {
        jdbc.update("UPDATE accounts SET following_count = greatest(following_count + ?, 0) WHERE id = ?",
                delta, followerId);
        jdbc.update("UPDATE accounts SET followers_count = greatest(followers_count + ?, 0) WHERE id = ?",
                delta, targetId);
    }
}
