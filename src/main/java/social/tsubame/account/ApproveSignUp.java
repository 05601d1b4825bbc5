package social.tsubame.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/** A moderator lets someone who signed up under approval in; their app's token works from then on. */
@Service
public class ApproveSignUp {

    private final JdbcTemplate jdbc;

    public ApproveSignUp(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return whether the user was waiting (false when already approved)
     * @throws ApiException 404 when there is no local user of that name
     */
    @Transactional
    public boolean approve(String username) {
        Boolean approved = jdbc.query("""
                SELECT u.approved FROM users u JOIN accounts a ON a.id = u.account_id
                WHERE a.domain IS NULL AND lower(a.username) = lower(?)""",
                (row, index) -> row.getBoolean(1), username).stream().findFirst()
                .orElseThrow(ApiException::notFound);
        if (approved) {
            return false;
        }
        jdbc.update("""
                UPDATE users SET approved = true, updated_at = now()
                WHERE account_id = (SELECT id FROM accounts WHERE domain IS NULL AND lower(username) = lower(?))""",
                username);
        return true;
    }
}
