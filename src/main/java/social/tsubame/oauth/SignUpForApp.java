package social.tsubame.oauth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.RegistrationSettings;
import social.tsubame.account.Role;
import social.tsubame.account.User;
import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;

/**
 * Mastodon's {@code POST /api/v1/accounts}: an app signs a person up and gets a token for them straight away,
 * with the scopes of the app's own token. Under approval the token works once a moderator approves.
 */
@Service
public class SignUpForApp {

    public record Command(long applicationId, Set<String> scopes, String username, String email, String password,
                          boolean agreement, String reason, String locale) {
    }

    /** The new user's token, in clear this once. */
    public record Issued(String accessToken, Set<String> scopes, Instant createdAt) {
    }

    private final CreateLocalAccount createLocalAccount;
    private final RegistrationSettings registrations;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final Duration tokenLifetime;

    public SignUpForApp(CreateLocalAccount createLocalAccount, RegistrationSettings registrations, JdbcTemplate jdbc,
                        TimeOrderedIds ids, Clock clock,
                        @Value("${tsubame.oauth.access-token-lifetime}") Duration tokenLifetime) {
        this.createLocalAccount = createLocalAccount;
        this.registrations = registrations;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    @Transactional
    public Issued signUp(Command command) {
        if (registrations.mode() == RegistrationSettings.Mode.CLOSED) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Registrations are closed on this server");
        }
        if (!command.agreement()) {
            throw ApiException.unprocessable("Validation failed: Agreement must be accepted");
        }
        User user = createLocalAccount.signUp(new CreateLocalAccount.Command(command.username(), command.email(),
                        command.password(), Role.USER), registrations.mode() == RegistrationSettings.Mode.OPEN,
                blankToNull(command.reason()), blankToNull(command.locale()));
        String token = SecretHashes.newSecret();
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO oauth_access_tokens (id, application_id, resource_owner_id, token_hash, scopes,
                                                 expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", ids.next(), command.applicationId(), user.id(),
                SecretHashes.hash(token), Scopes.join(command.scopes()), Timestamp.from(now.plus(tokenLifetime)),
                Timestamp.from(now));
        return new Issued(token, command.scopes(), now);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
