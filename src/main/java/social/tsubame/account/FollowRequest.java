package social.tsubame.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A follow waiting for the target's approval. */
@Entity
@Table(name = "follow_requests")
public class FollowRequest extends FollowRelation {

    protected FollowRequest() {
    }

    FollowRequest(long id, long followerId, long targetId, boolean showReblogs, boolean notify, String uri,
                  Instant now) {
        super(id, followerId, targetId, showReblogs, notify, uri, now);
    }
}
