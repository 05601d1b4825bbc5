package social.tsubame.api.model;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** How the viewer stands with each of several accounts, in one query. */
@Component
public class RelationshipsToApiRelationships {

    private final NamedParameterJdbcTemplate jdbc;

    public RelationshipsToApiRelationships(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The relationships with the accounts among {@code accountIds} that exist, in the order given. */
    public List<ApiRelationship> of(long viewerId, List<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        Map<Long, ApiRelationship> found = new HashMap<>();
        jdbc.query("""
                SELECT a.id,
                       f.id IS NOT NULL AS following, coalesce(f.show_reblogs, fr.show_reblogs, true) AS show_reblogs,
                       coalesce(f.notify, fr.notify, false) AS notify,
                       EXISTS (SELECT 1 FROM follows x WHERE x.account_id = a.id AND x.target_account_id = :viewer)
                           AS followed_by,
                       EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = :viewer AND b.target_account_id = a.id)
                           AS blocking,
                       EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = a.id AND b.target_account_id = :viewer)
                           AS blocked_by,
                       mu.id IS NOT NULL AS muting, coalesce(mu.hide_notifications, false) AS muting_notifications,
                       fr.id IS NOT NULL AS requested,
                       EXISTS (SELECT 1 FROM follow_requests r WHERE r.account_id = a.id
                               AND r.target_account_id = :viewer) AS requested_by,
                       EXISTS (SELECT 1 FROM account_domain_blocks d WHERE d.account_id = :viewer
                               AND d.domain = a.domain) AS domain_blocking
                FROM accounts a
                LEFT JOIN follows f ON f.account_id = :viewer AND f.target_account_id = a.id
                LEFT JOIN follow_requests fr ON fr.account_id = :viewer AND fr.target_account_id = a.id
                LEFT JOIN mutes mu ON mu.account_id = :viewer AND mu.target_account_id = a.id
                    AND (mu.expires_at IS NULL OR mu.expires_at > now())
                WHERE a.id IN (:ids)""", Map.of("viewer", viewerId, "ids", accountIds), (ResultSet row) -> {
                    long id = row.getLong("id");
                    found.put(id, new ApiRelationship(Long.toString(id), row.getBoolean("following"),
                            row.getBoolean("show_reblogs"), row.getBoolean("notify"), null,
                            row.getBoolean("followed_by"), row.getBoolean("blocking"), row.getBoolean("blocked_by"),
                            row.getBoolean("muting"), row.getBoolean("muting_notifications"),
                            row.getBoolean("requested"), row.getBoolean("requested_by"),
                            row.getBoolean("domain_blocking"), false, ""));
                });
        return accountIds.stream().distinct().filter(found::containsKey).map(found::get).toList();
    }
}
