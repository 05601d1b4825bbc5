package social.tsubame.core;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a recount of stored counters found.
 *
 * @param rows      rows looked at
 * @param corrected rows whose counters were wrong and are now right
 */
public record Recounted(long rows, long corrected) {

    /** Rows of a table per statement of a recount. */
    public static final int BATCH = 1000;

    /**
     * Runs a recount a batch of rows at a time, each statement committing on its own. {@code batchSql} takes the id
     * after which the batch starts and the batch size, and answers the batch's last id, its row count and how many
     * rows it corrected.
     */
    public static Recounted inBatches(JdbcTemplate jdbc, String table, String batchSql, Progress progress) {
        progress.total(jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
        long after = Long.MIN_VALUE;
        long rows = 0;
        long corrected = 0;
        while (true) {
            long[] batch = jdbc.queryForObject(batchSql,
                    (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, after, BATCH);
            if (batch[1] == 0) {
                return new Recounted(rows, corrected);
            }
            after = batch[0];
            rows += batch[1];
            corrected += batch[2];
            progress.advance(batch[1]);
        }
    }
}
