package social.tsubame.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person or service on the fediverse: local when {@code domain} is null, remote otherwise. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    private long id;

    private String username;

    /** Lower-case host of a remote account; null for a local one. */
    private String domain;

    @Column(name = "display_name")
    private String displayName = "";

    private String note = "";

    private String uri;

    @Column(name = "actor_type")
    private String actorType = "Person";

    @Column(name = "public_key")
    private String publicKey = "";

    @Column(name = "private_key")
    private String privateKey;

    private boolean locked;

    private boolean bot;

    private boolean discoverable;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Account() {
    }

    static Account local(long id, String username, String publicKeyPem, String privateKeyPem, Instant now) {
        Account account = new Account();
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

    public String actorType() {
        return actorType;
    }

    public String publicKey() {
        return publicKey;
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
