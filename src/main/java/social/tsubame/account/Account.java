package social.tsubame.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import social.tsubame.core.AssignedIdEntity;

/** A person or service on the fediverse: local when {@code domain} is null, remote otherwise. */
@Entity
@Table(name = "accounts")
public class Account extends AssignedIdEntity {

    @Id
    private long id;

    private String username;

    /** Lower-case host of a remote account; null for a local one. */
    private String domain;

    @Column(name = "display_name")
    private String displayName = "";

    private String note = "";

    private String uri;

    /** The profile page for people, as opposed to {@code uri}, the ActivityPub id. */
    private String url;

    @Column(name = "inbox_url")
    private String inboxUrl;

    @Column(name = "shared_inbox_url")
    private String sharedInboxUrl;

    @Column(name = "outbox_url")
    private String outboxUrl;

    @Column(name = "followers_url")
    private String followersUrl;

    @Column(name = "following_url")
    private String followingUrl;

    @Column(name = "featured_url")
    private String featuredUrl;

    @Column(name = "actor_type")
    private String actorType = "Person";

    @Column(name = "public_key")
    private String publicKey = "";

    @Column(name = "public_key_id")
    private String publicKeyId;

    @Column(name = "private_key")
    private String privateKey;

    private boolean locked;

    private boolean bot;

    private boolean discoverable;

    private boolean indexable;

    private boolean memorial;

    /** Profile fields as a JSON array of {@code {"name", "value", "verified_at"}}. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String fields = "[]";

    @Column(name = "also_known_as")
    private String[] alsoKnownAs = new String[0];

    @Column(name = "moved_to_account_id")
    private Long movedToAccountId;

    @Column(name = "avatar_remote_url")
    private String avatarRemoteUrl;

    /** Storage key of a local account's avatar. */
    @Column(name = "avatar_file")
    private String avatarFile;

    @Column(name = "header_file")
    private String headerFile;

    @Column(name = "header_remote_url")
    private String headerRemoteUrl;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "fetched_at")
    private Instant fetchedAt;

    @Column(name = "followers_count")
    private int followersCount;

    @Column(name = "following_count")
    private int followingCount;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Account() {
    }

    static Account local(long id, String username, String publicKeyPem, String privateKeyPem, Instant now) {
        Account account = new Account();
        account.markNew();
        account.id = id;
        account.username = username;
        account.publicKey = publicKeyPem;
        account.privateKey = privateKeyPem;
        account.discoverable = true;
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    public long id() {
        return id;
    }

    @Override
    public Long getId() {
        return id;
    }

    public String username() {
        return username;
    }

    public String domain() {
        return domain;
    }

    public boolean isLocal() {
        return domain == null;
    }

    /** The handle without a leading {@code @}: {@code alice} for local accounts, {@code bob@example.org} otherwise. */
    public String acct() {
        return isLocal() ? username : username + "@" + domain;
    }

    public String displayName() {
        return displayName;
    }

    public String note() {
        return note;
    }

    public String uri() {
        return uri;
    }

    public String url() {
        return url;
    }

    public String inboxUrl() {
        return inboxUrl;
    }

    public String sharedInboxUrl() {
        return sharedInboxUrl;
    }

    public String outboxUrl() {
        return outboxUrl;
    }

    public String followersUrl() {
        return followersUrl;
    }

    public String followingUrl() {
        return followingUrl;
    }

    public String featuredUrl() {
        return featuredUrl;
    }

    public boolean indexable() {
        return indexable;
    }

    public boolean memorial() {
        return memorial;
    }

    public String fieldsJson() {
        return fields;
    }

    public String[] alsoKnownAs() {
        return alsoKnownAs.clone();
    }

    public Long movedToAccountId() {
        return movedToAccountId;
    }

    public String avatarFile() {
        return avatarFile;
    }

    public String headerFile() {
        return headerFile;
    }

    public String avatarRemoteUrl() {
        return avatarRemoteUrl;
    }

    public String headerRemoteUrl() {
        return headerRemoteUrl;
    }

    public boolean suspended() {
        return suspendedAt != null;
    }

    public int followersCount() {
        return followersCount;
    }

    public int followingCount() {
        return followingCount;
    }

    public Instant fetchedAt() {
        return fetchedAt;
    }

    public String actorType() {
        return actorType;
    }

    public String publicKey() {
        return publicKey;
    }

    /** The key id remote actors sign with; null for local accounts, whose key id follows from their URI. */
    public String publicKeyId() {
        return publicKeyId;
    }

    public String privateKey() {
        return privateKey;
    }

    public boolean locked() {
        return locked;
    }

    public boolean bot() {
        return bot;
    }

    public boolean discoverable() {
        return discoverable;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
