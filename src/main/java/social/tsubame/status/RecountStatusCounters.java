package social.tsubame.status;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.Progress;
import social.tsubame.core.Recounted;

/**
 * Sets every status's replies, boosts and favourites counts to what the rows say (live replies and boosts, every
 * favourite), a batch of statuses per statement: each commits on its own and locks only the rows it corrects.
 */
@Component
public class RecountStatusCounters {

    private static final String RECOUNT_BATCH = """
            WITH batch AS (SELECT id FROM statuses WHERE id > ? ORDER BY id LIMIT ?),
            counted AS (
                SELECT b.id,
                       (SELECT count(*) FROM statuses r
                        WHERE r.in_reply_to_id = b.id AND r.deleted_at IS NULL) AS replies,
                       (SELECT count(*) FROM statuses r
                        WHERE r.reblog_of_id = b.id AND r.deleted_at IS NULL) AS reblogs,
                       (SELECT count(*) FROM favourites f WHERE f.status_id = b.id) AS favourites
                FROM batch b),
            corrected AS (
                UPDATE statuses s SET replies_count = c.replies, reblogs_count = c.reblogs,
                                      favourites_count = c.favourites
                FROM counted c
                WHERE s.id = c.id AND (s.replies_count, s.reblogs_count, s.favourites_count)
                                      IS DISTINCT FROM (c.replies, c.reblogs, c.favourites)
                RETURNING s.id)
            SELECT (SELECT max(id) FROM batch), (SELECT count(*) FROM batch), (SELECT count(*) FROM corrected)
            """;

    private final JdbcTemplate jdbc;

    RecountStatusCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Recounted recount(Progress progress) {
        return Recounted.inBatches(jdbc, "statuses", RECOUNT_BATCH, progress);
    }
}
