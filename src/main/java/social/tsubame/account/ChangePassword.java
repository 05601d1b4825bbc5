package social.tsubame.account;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/** A signed-in user sets a new password, proving with the current one that it is them and not a borrowed session. */
@Service
public class ChangePassword {

    public record Command(long userId, String currentPassword, String newPassword, String confirmation) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public ChangePassword(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public void change(Command command) {
        String stored = jdbc.queryForList("SELECT encrypted_password FROM users WHERE id = ? FOR UPDATE",
                String.class, command.userId()).stream().findFirst().orElseThrow(ApiException::notFound);
        if (command.currentPassword() == null || !passwords.matches(command.currentPassword(), stored)) {
            throw ApiException.unprocessable("The current password is wrong");
        }
        String newPassword = command.newPassword() == null ? "" : command.newPassword();
        if (newPassword.length() < CreateLocalAccount.MIN_PASSWORD_LENGTH) {
            throw ApiException.unprocessable("The new password must be at least "
                    + CreateLocalAccount.MIN_PASSWORD_LENGTH + " characters");
        }
        if (!newPassword.equals(command.confirmation())) {
            throw ApiException.unprocessable("The new password and its confirmation differ");
        }
        jdbc.update("UPDATE users SET encrypted_password = ?, updated_at = ? WHERE id = ?",
                passwords.encode(newPassword), Timestamp.from(clock.instant()), command.userId());
    }
}
