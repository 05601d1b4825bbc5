package social.tsubame.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import social.tsubame.core.ApiException;

/** Checks the password a user typed again before a step that a borrowed session must not take. */
@Component
class CurrentPassword {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    CurrentPassword(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    void confirm(long userId, String typed) {
        String stored = jdbc.queryForList("SELECT encrypted_password FROM users WHERE id = ?", String.class, userId)
                .stream().findFirst().orElseThrow(ApiException::notFound);
        if (typed == null || !passwords.matches(typed, stored)) {
            throw ApiException.unprocessable("The current password is wrong");
        }
    }
}
