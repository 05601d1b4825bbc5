package social.tsubame.status;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may see a status: public and unlisted ones anyone the author does not block; followers-only ones the author,
 * followers and mentioned accounts; direct ones the author and mentioned accounts. A boost is seen when its
 * original is. Deleted statuses and those of suspended authors are seen by no one.
 */
@Component
public class StatusVisibility {

    private static final String VISIBLE = """
            {s}.deleted_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM accounts author WHERE author.id = {s}.account_id
                            AND author.suspended_at IS NOT NULL)
            AND ({s}.visibility IN ('public', 'unlisted')
                 OR {s}.account_id = :viewer
                 OR ({s}.visibility = 'private' AND EXISTS (SELECT 1 FROM follows f
                         WHERE f.account_id = :viewer AND f.target_account_id = {s}.account_id))
                 OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = {s}.id AND m.account_id = :viewer))
            AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = {s}.account_id
                            AND b.target_account_id = :viewer)
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public StatusVisibility(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** SQL condition on a status aliased {@code alias}, for a viewer bound as {@code :viewer} (0 when anonymous). */
    public static String condition(String alias) {
        return VISIBLE.replace("{s}", alias);
    }

    public boolean canSee(Optional<Long> viewerId, long statusId) {
        return !visible(viewerId, Set.of(statusId)).isEmpty();
    }

    /** The statuses among {@code statusIds} the viewer may see, boosts judged by their originals too. */
    public Set<Long> visible(Optional<Long> viewerId, Collection<Long> statusIds) {
        if (statusIds.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.queryForList("""
                SELECT s.id FROM statuses s
                WHERE s.id IN (:ids) AND (%s)
                  AND (s.reblog_of_id IS NULL OR EXISTS (SELECT 1 FROM statuses o WHERE o.id = s.reblog_of_id
                       AND (%s)))""".formatted(condition("s"), condition("o")),
                Map.of("ids", statusIds, "viewer", viewerId.orElse(0L)), Long.class));
    }
}
