package social.tsubame.instance;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The local account people reach the server's operators through: the one the settings name, else the first owner,
 * as Mastodon falls back to its owner when no contact is chosen.
 */
@Component
public class InstanceContact {

    private final JdbcTemplate jdbc;
    private final InstanceSettings settings;

    public InstanceContact(JdbcTemplate jdbc, InstanceSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public Optional<Long> accountId() {
        List<Long> found = jdbc.queryForList("""
                SELECT a.id FROM accounts a JOIN users u ON u.account_id = a.id
                WHERE a.domain IS NULL AND a.suspended_at IS NULL AND NOT u.disabled
                  AND (lower(a.username) = lower(?) OR (? = '' AND u.role = 'owner'))
                ORDER BY u.id LIMIT 1""", Long.class, settings.contactUsername(), settings.contactUsername());
        return found.stream().findFirst();
    }
}
