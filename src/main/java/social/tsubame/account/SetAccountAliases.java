package social.tsubame.account;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/**
 * A local account names the accounts it is also known as ({@code alsoKnownAs}): the ones allowed to move their
 * followers here.
 */
@Service
public class SetAccountAliases {

    private static final int MAX_ALIASES = 10;

    private final JdbcTemplate jdbc;

    public SetAccountAliases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void set(long localAccountId, List<String> actorUris) {
        if (actorUris.size() > MAX_ALIASES) {
            throw ApiException.unprocessable("At most " + MAX_ALIASES + " aliases");
        }
        int updated = jdbc.update("UPDATE accounts SET also_known_as = ?, updated_at = now() "
                + "WHERE id = ? AND domain IS NULL", actorUris.toArray(String[]::new), localAccountId);
        if (updated == 0) {
            throw ApiException.notFound();
        }
    }
}
