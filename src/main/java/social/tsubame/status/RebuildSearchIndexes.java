package social.tsubame.status;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.Progress;

/**
 * Builds the search indexes again from the rows: the words of statuses for full-text search, and the trigrams of
 * account names and tag names. Search has no index of its own outside PostgreSQL, so re-running indexing means
 * rebuilding these; needed when an index is bloated, damaged, or was built by an older version of the words function.
 * Each is rebuilt concurrently: reads and writes go on meanwhile.
 */
@Component
public class RebuildSearchIndexes {

    /** The indexes of {@code V6__search.sql}. */
    public static final List<String> INDEXES = List.of("statuses_search_idx", "accounts_username_trgm_idx",
            "accounts_display_name_trgm_idx", "tags_name_prefix_idx");

    private final JdbcTemplate jdbc;

    RebuildSearchIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rebuilds each index in turn; progress counts indexes. */
    public void rebuild(Progress progress) {
        progress.total(INDEXES.size());
        for (String index : INDEXES) {
            dropLeftoverOf(index);
            jdbc.execute("REINDEX INDEX CONCURRENTLY " + index);
            progress.advance(1);
        }
    }

    /** An interrupted concurrent rebuild leaves its unfinished copy behind, which would be kept up for nothing. */
    private void dropLeftoverOf(String index) {
        for (String leftover : jdbc.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
                WHERE c.relname LIKE ? AND NOT i.indisvalid AND c.relnamespace = current_schema()::regnamespace""",
                String.class, index + "\\_ccnew%")) {
            jdbc.execute("DROP INDEX CONCURRENTLY IF EXISTS \"" + leftover + "\"");
        }
    }
}
