package social.tsubame.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.testing.TsubameTest;

@TsubameTest
class MigrationsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsApplyToAnEmptyDatabase() {
        Integer failed = jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success",
                Integer.class);
        assertThat(failed).isZero();
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
        assertThat(tables).contains("accounts", "users", "statuses", "mentions", "tags", "status_tags", "follows",
                "follow_requests", "favourites", "bookmarks", "notifications", "media_attachments", "blocks",
                "mutes", "domain_blocks", "oauth_applications", "oauth_access_tokens", "outbox", "instances");
    }

    @Test
    void timelineReadsHaveIndexes() {
        String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET enable_seqscan = off");
                var rows = statement.executeQuery("EXPLAIN SELECT id FROM statuses WHERE visibility = 'public' "
                        + "AND deleted_at IS NULL AND reblog_of_id IS NULL ORDER BY id DESC LIMIT 40");
                StringBuilder text = new StringBuilder();
                while (rows.next()) {
                    text.append(rows.getString(1)).append('\n');
                }
                statement.execute("RESET enable_seqscan");
                return text.toString();
            }
        });
        assertThat(plan).contains("Index");
    }
}
