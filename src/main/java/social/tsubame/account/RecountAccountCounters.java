package social.tsubame.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.Progress;
import social.tsubame.core.Recounted;

/**
 * Sets every account's followers, following and statuses counts to what the follows and statuses rows say, a batch of
 * accounts per statement: each statement commits on its own and locks only the rows it corrects, so the server keeps
 * running meanwhile. Counts are of the rows this server has, for remote accounts too, as they are kept.
 */
@Component
public class RecountAccountCounters {

    private static final String RECOUNT_BATCH = """
            WITH batch AS (SELECT id FROM accounts WHERE id > ? ORDER BY id LIMIT ?),
            counted AS (
                SELECT b.id,
                       (SELECT count(*) FROM follows f WHERE f.target_account_id = b.id) AS followers,
                       (SELECT count(*) FROM follows f WHERE f.account_id = b.id) AS following,
                       (SELECT count(*) FROM statuses s WHERE s.account_id = b.id AND s.deleted_at IS NULL) AS statuses
                FROM batch b),
            corrected AS (
                UPDATE accounts a SET followers_count = c.followers, following_count = c.following,
                                      statuses_count = c.statuses
                FROM counted c
                WHERE a.id = c.id AND (a.followers_count, a.following_count, a.statuses_count)
                                      IS DISTINCT FROM (c.followers, c.following, c.statuses)
                RETURNING a.id)
            SELECT (SELECT max(id) FROM batch), (SELECT count(*) FROM batch), (SELECT count(*) FROM corrected)
            """;

    private final JdbcTemplate jdbc;

    RecountAccountCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Recounted recount(Progress progress) {
        return Recounted.inBatches(jdbc, "accounts", RECOUNT_BATCH, progress);
    }
}
