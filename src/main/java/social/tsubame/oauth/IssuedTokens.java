package social.tsubame.oauth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.RecentActivity;

import social.tsubame.web.auth.ApiToken;
import social.tsubame.web.auth.ApiTokens;
import social.tsubame.web.auth.Caller;

/** The tokens this server issued, checked on every client API request by the hash of the presented value. */
@Component
class IssuedTokens implements ApiTokens {

    private final JdbcTemplate jdbc;
    private final RecentActivity activity;

    IssuedTokens(JdbcTemplate jdbc, RecentActivity activity) {
        this.jdbc = jdbc;
        this.activity = activity;
    }

    @Override
    public Optional<ApiToken> find(String bearerToken) {
        List<ApiToken> tokens = jdbc.query("""
                SELECT t.application_id, t.scopes, u.id AS user_id, u.account_id
                FROM oauth_access_tokens t
                LEFT JOIN users u ON u.id = t.resource_owner_id
                LEFT JOIN accounts a ON a.id = u.account_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
                  AND (t.resource_owner_id IS NULL
                       OR (u.approved AND NOT u.disabled AND a.suspended_at IS NULL))""",
                (row, index) -> {
                    Set<String> scopes = new LinkedHashSet<>(List.of(row.getString("scopes").split(" ")));
                    long applicationId = row.getLong("application_id");
                    Long userId = (Long) row.getObject("user_id");
                    return new ApiToken(applicationId, scopes, userId == null ? Optional.empty()
                            : Optional.of(new Caller(row.getLong("account_id"), userId, applicationId, scopes)));
                },
                SecretHashes.hash(bearerToken));
        Optional<ApiToken> found = tokens.stream().findFirst();
        found.flatMap(ApiToken::caller).ifPresent(caller -> activity.seen(caller.userId()));
        return found;
    }
}
