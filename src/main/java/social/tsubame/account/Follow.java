package social.tsubame.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One account following another. */
@Entity
@Table(name = "follows")
public class Follow extends FollowRelation {

    protected Follow() {
    }

    Follow(long id, long followerId, long targetId, boolean showReblogs, boolean notify, String uri, Instant now) {
        super(id, followerId, targetId, showReblogs, notify, uri, now);
    }
}
