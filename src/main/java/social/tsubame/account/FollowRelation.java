package social.tsubame.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import social.tsubame.core.AssignedIdEntity;

/** What a follow and a follow request share: who follows whom, with which options, by which activity. */
@MappedSuperclass
public abstract class FollowRelation extends AssignedIdEntity {

    @Id
    private long id;

    @Column(name = "account_id")
    private long followerId;

    @Column(name = "target_account_id")
    private long targetId;

    @Column(name = "show_reblogs")
    private boolean showReblogs = true;

    private boolean notify;

    /** Id of the Follow activity, for Undo, Accept and Reject to refer to. */
    private String uri;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected FollowRelation() {
    }

    protected FollowRelation(long id, long followerId, long targetId, boolean showReblogs, boolean notify,
                             String uri, Instant now) {
        markNew();
        this.id = id;
        this.followerId = followerId;
        this.targetId = targetId;
        this.showReblogs = showReblogs;
        this.notify = notify;
        this.uri = uri;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public long id() {
        return id;
    }

    @Override
    public Long getId() {
        return id;
    }

    public long followerId() {
        return followerId;
    }

    public long targetId() {
        return targetId;
    }

    public boolean showReblogs() {
        return showReblogs;
    }

    public boolean notifies() {
        return notify;
    }

    public String uri() {
        return uri;
    }
}
