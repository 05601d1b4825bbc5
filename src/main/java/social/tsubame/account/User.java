package social.tsubame.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import social.tsubame.core.AssignedIdEntity;

/** The login of a local account. */
@Entity
@Table(name = "users")
public class User extends AssignedIdEntity {

    @Id
    private long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    private String email;

    @Column(name = "encrypted_password")
    private String encryptedPassword;

    private Role role;

    private boolean approved;

    private String locale;

    @Column(name = "sign_up_reason")
    private String signUpReason;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    /** Last time the user came by (to the hour); a new account counts as just seen. */
    @Column(name = "current_sign_in_at")
    private Instant currentSignInAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected User() {
    }

    /**
     * A user who signed up through an app: approved at once when registrations are open, otherwise waiting for a
     * moderator; e-mail is not confirmed, as no mail is sent yet.
     */
    static User signedUp(long id, Account account, String email, String passwordHash, boolean approved,
                         String reason, String locale, Instant now) {
        User user = new User();
        user.markNew();
        user.id = id;
        user.account = account;
        user.email = email;
        user.encryptedPassword = passwordHash;
        user.role = Role.USER;
        user.approved = approved;
        user.signUpReason = reason;
        user.locale = locale;
        user.currentSignInAt = now;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    /** A user an administrator created: approved and confirmed from the start. */
    static User createdByAdmin(long id, Account account, String email, String passwordHash, Role role,
                               Instant now) {
        User user = new User();
        user.markNew();
        user.id = id;
        user.account = account;
        user.email = email;
        user.encryptedPassword = passwordHash;
        user.role = role;
        user.approved = true;
        user.confirmedAt = now;
        user.currentSignInAt = now;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    public long id() {
        return id;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Account account() {
        return account;
    }

    public String email() {
        return email;
    }

    public String encryptedPassword() {
        return encryptedPassword;
    }

    public Role role() {
        return role;
    }

    public boolean approved() {
        return approved;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
