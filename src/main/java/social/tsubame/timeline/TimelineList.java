package social.tsubame.timeline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import social.tsubame.core.AssignedIdEntity;

/**
 * A list a local account keeps of accounts it follows, with a timeline of their posts. Exclusive lists keep their
 * members' posts out of the owner's home timeline.
 */
@Entity
@Table(name = "lists")
public class TimelineList extends AssignedIdEntity {

    @Id
    private long id;

    @Column(name = "account_id")
    private long ownerId;

    private String title;

    @Column(name = "replies_policy")
    private RepliesPolicy repliesPolicy;

    private boolean exclusive;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected TimelineList() {
    }

    TimelineList(long id, long ownerId, String title, RepliesPolicy repliesPolicy, boolean exclusive, Instant now) {
        markNew();
        this.id = id;
        this.ownerId = ownerId;
        this.title = title;
        this.repliesPolicy = repliesPolicy;
        this.exclusive = exclusive;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(String title, RepliesPolicy repliesPolicy, boolean exclusive, Instant now) {
        this.title = title;
        this.repliesPolicy = repliesPolicy;
        this.exclusive = exclusive;
        this.updatedAt = now;
    }

    public long id() {
        return id;
    }

    @Override
    public Long getId() {
        return id;
    }

    public long ownerId() {
        return ownerId;
    }

    public String title() {
        return title;
    }

    public RepliesPolicy repliesPolicy() {
        return repliesPolicy;
    }

    public boolean exclusive() {
        return exclusive;
    }
}
