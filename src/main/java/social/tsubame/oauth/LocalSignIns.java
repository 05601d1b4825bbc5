package social.tsubame.oauth;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may sign in on the web: a local user found by e-mail or username. The principal's name is the user id, so
 * the codes and tokens issued to it name the user whatever they sign in with.
 */
@Component
class LocalSignIns implements UserDetailsService {

    private final JdbcTemplate jdbc;

    LocalSignIns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String emailOrUsername) {
        String login = emailOrUsername.strip().replaceFirst("^@", "");
        List<UserDetails> found = jdbc.query("""
                SELECT u.id, u.encrypted_password, u.approved, u.disabled, a.suspended_at IS NOT NULL AS suspended
                FROM users u JOIN accounts a ON a.id = u.account_id
                WHERE lower(u.email) = lower(?) OR (a.domain IS NULL AND lower(a.username) = lower(?))""",
                (row, index) -> User.withUsername(Long.toString(row.getLong("id")))
                        .password(row.getString("encrypted_password"))
                        .disabled(!row.getBoolean("approved") || row.getBoolean("disabled"))
                        .accountLocked(row.getBoolean("suspended"))
                        .authorities(List.of(new SimpleGrantedAuthority("ROLE_USER")))
                        .build(),
                login, login);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("no local user " + login);
        }
        return found.getFirst();
    }
}
