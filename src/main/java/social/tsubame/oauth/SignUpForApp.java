package social.tsubame.oauth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.SignUpLocalUser;
import social.tsubame.account.User;
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

    private final SignUpLocalUser signUpLocalUser;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final Duration tokenLifetime;

    public SignUpForApp(SignUpLocalUser signUpLocalUser, JdbcTemplate jdbc, TimeOrderedIds ids, Clock clock,
                        @Value("${tsubame.oauth.access-token-lifetime}") Duration tokenLifetime) {
        this.signUpLocalUser = signUpLocalUser;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    @Transactional
    public Issued signUp(Command command) {
        User user = signUpLocalUser.signUp(new SignUpLocalUser.Command(command.username(), command.email(),
                command.password(), command.agreement(), command.reason(), command.locale()));
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
}
