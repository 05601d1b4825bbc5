package social.tsubame.status;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import social.tsubame.core.AssignedIdEntity;

/** A post, local or remote. A deleted status stays as a tombstone, so a late re-delivery does not bring it back. */
@Entity
@Table(name = "statuses")
public class Status extends AssignedIdEntity {

    @Id
    private long id;

    @Column(name = "account_id")
    private long accountId;

    private String uri;

    private String url;

    /** The source text of a local status, as its author wrote it. */
    private String text = "";

    /** Sanitized HTML. */
    private String content = "";

    @Column(name = "spoiler_text")
    private String spoilerText = "";

    private boolean sensitive;

    private Visibility visibility;

    private String language;

    @Column(name = "in_reply_to_id")
    private Long inReplyToId;

    @Column(name = "in_reply_to_account_id")
    private Long inReplyToAccountId;

    /** The answered post's id, kept while that post is not known here. */
    @Column(name = "in_reply_to_uri")
    private String inReplyToUri;

    @Column(name = "reblog_of_id")
    private Long reblogOfId;

    @Column(name = "conversation_uri")
    private String conversationUri;

    private boolean local;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Status() {
    }

    /**
     * @param published when the author published it (remote statuses) or now (local ones)
     */
    Status(long id, long accountId, String uri, String url, String text, String content, String spoilerText,
           boolean sensitive, Visibility visibility, String language, Long inReplyToId, Long inReplyToAccountId,
           String inReplyToUri, String conversationUri, boolean local, Instant published) {
        markNew();
        this.id = id;
        this.accountId = accountId;
        this.uri = uri;
        this.url = url;
        this.text = text;
        this.content = content;
        this.spoilerText = spoilerText;
        this.sensitive = sensitive;
        this.visibility = visibility;
        this.language = language;
        this.inReplyToId = inReplyToId;
        this.inReplyToAccountId = inReplyToAccountId;
        this.inReplyToUri = inReplyToUri;
        this.conversationUri = conversationUri;
        this.local = local;
        this.createdAt = published;
        this.updatedAt = published;
    }

    public long id() {
        return id;
    }

    @Override
    public Long getId() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String uri() {
        return uri;
    }

    public String url() {
        return url;
    }

    public String text() {
        return text;
    }

    public String content() {
        return content;
    }

    public String spoilerText() {
        return spoilerText;
    }

    public boolean sensitive() {
        return sensitive;
    }

    public Visibility visibility() {
        return visibility;
    }

    public String language() {
        return language;
    }

    public Long inReplyToId() {
        return inReplyToId;
    }

    public Long inReplyToAccountId() {
        return inReplyToAccountId;
    }

    /** The boosted status, when this one is a boost. */
    public Long reblogOfId() {
        return reblogOfId;
    }

    public String inReplyToUri() {
        return inReplyToUri;
    }

    public String conversationUri() {
        return conversationUri;
    }

    public boolean isLocal() {
        return local;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** When its author last edited it; null for a status never edited. */
    public Instant editedAt() {
        return editedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
