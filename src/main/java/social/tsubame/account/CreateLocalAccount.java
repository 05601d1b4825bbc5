package social.tsubame.account;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.PemKeys;
import social.tsubame.core.ServerIdentity;
import social.tsubame.core.TimeOrderedIds;

/** Creates a local account with its login and its signing key pair. */
@Service
public class CreateLocalAccount {

    /** Letters, digits and underscores, with dots and dashes only inside: what other servers accept in a handle. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_]+([a-z0-9_.-]+[a-z0-9_]+)?",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_USERNAME_LENGTH = 30;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD_LENGTH = 8;

    public record Command(String username, String email, String password, Role role) {
    }

    private final Accounts accounts;
    private final Users users;
    private final PasswordEncoder passwords;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final String instanceActorUsername;

    public CreateLocalAccount(Accounts accounts, Users users, PasswordEncoder passwords, TimeOrderedIds ids,
                              Clock clock, ServerIdentity identity) {
        this.accounts = accounts;
        this.users = users;
        this.passwords = passwords;
        this.ids = ids;
        this.clock = clock;
        this.instanceActorUsername = identity.localDomain();
    }

    /** An account an administrator creates: approved from the start. */
    @Transactional
    public User create(Command command) {
        validate(command);
        Instant now = clock.instant();
        return users.save(User.createdByAdmin(ids.next(), newAccount(command, now), command.email().trim(),
                passwords.encode(command.password()), command.role(), now));
    }

    /** An account someone signs up for; it waits for a moderator unless {@code approved}. */
    @Transactional
    public User signUp(Command command, boolean approved, String reason, String locale) {
        validate(command);
        Instant now = clock.instant();
        // flushed now: the caller issues a token for this user in the same transaction
        return users.saveAndFlush(User.signedUp(ids.next(), newAccount(command, now), command.email().trim(),
                passwords.encode(command.password()), approved, reason, locale, now));
    }

    private Account newAccount(Command command, Instant now) {
        PemKeys.PemKeyPair keys = PemKeys.generateRsa();
        return accounts.save(Account.local(ids.next(), command.username(), keys.publicKeyPem(),
                keys.privateKeyPem(), now));
    }

    private void validate(Command command) {
        String username = command.username() == null ? "" : command.username();
        if (username.length() > MAX_USERNAME_LENGTH || !USERNAME.matcher(username).matches()) {
            throw ApiException.unprocessable("Username must be 1 to " + MAX_USERNAME_LENGTH
                    + " letters, digits or underscores (dots and dashes only between them)");
        }
        if (command.email() == null || !EMAIL.matcher(command.email().trim()).matches()) {
            throw ApiException.unprocessable("Email is not a valid address");
        }
        if (command.password() == null || command.password().length() < MIN_PASSWORD_LENGTH) {
            throw ApiException.unprocessable("Password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (accounts.findLocal(username).isPresent() || username.equalsIgnoreCase(instanceActorUsername)) {
            throw ApiException.unprocessable("Username is already taken");
        }
        if (users.findByEmail(command.email().trim()).isPresent()) {
            throw ApiException.unprocessable("Email is already in use");
        }
    }
}
