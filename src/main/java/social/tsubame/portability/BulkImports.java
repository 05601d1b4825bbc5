package social.tsubame.portability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import social.tsubame.core.TimeOrderedIds;
import tools.jackson.databind.json.JsonMapper;

/** Imports and their rows, each row kept until the import job has done it. */
@Repository
public class BulkImports {

    /** A row the job has still to do. */
    record PendingRow(long id, int position, ImportRow row) {
    }

    private static final String COLUMNS = """
            id, account_id, type, mode, state, total_items, processed_items, failed_items, created_at, finished_at""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TimeOrderedIds ids;

    BulkImports(JdbcTemplate jdbc, JsonMapper json, TimeOrderedIds ids) {
        this.jdbc = jdbc;
        this.json = json;
        this.ids = ids;
    }

    void insert(BulkImport bulkImport, List<ImportRow> rows) {
        jdbc.update("""
                INSERT INTO bulk_imports (id, account_id, type, mode, state, total_items, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", bulkImport.id(), bulkImport.accountId(),
                bulkImport.type().wireName(), bulkImport.mode().wireName(), bulkImport.state().wireName(),
                bulkImport.totalItems(), Timestamp.from(bulkImport.createdAt()));
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (int position = 0; position < rows.size(); position++) {
            batch.add(new Object[] {ids.next(), bulkImport.id(), position,
                    json.writeValueAsString(rows.get(position))});
        }
        jdbc.batchUpdate("""
                INSERT INTO bulk_import_rows (id, bulk_import_id, position, data) VALUES (?, ?, ?, ?::jsonb)""",
                batch);
    }

    public Optional<BulkImport> findOwned(long id, long accountId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bulk_imports WHERE id = ? AND account_id = ?",
                BulkImports::bulkImport, id, accountId).stream().findFirst();
    }

    Optional<BulkImport> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bulk_imports WHERE id = ?", BulkImports::bulkImport, id)
                .stream().findFirst();
    }

    /** The account's imports, newest first. */
    public List<BulkImport> ownedBy(long accountId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bulk_imports WHERE account_id = ? ORDER BY id DESC LIMIT ?",
                BulkImports::bulkImport, accountId, limit);
    }

    List<PendingRow> pendingRows(long importId, int limit) {
        return jdbc.query("""
                SELECT id, position, data FROM bulk_import_rows WHERE bulk_import_id = ? AND state = 'pending'
                ORDER BY position LIMIT ?""",
                (row, index) -> new PendingRow(row.getLong(1), row.getInt(2),
                        json.readValue(row.getString(3), ImportRow.class)), importId, limit);
    }

    List<ImportRow> rows(long importId) {
        return jdbc.query("SELECT data FROM bulk_import_rows WHERE bulk_import_id = ? ORDER BY position",
                (row, index) -> json.readValue(row.getString(1), ImportRow.class), importId);
    }

    /** Marks the import in progress; false when it was already, so that what comes before the rows runs once. */
    boolean start(long importId) {
        return jdbc.update("UPDATE bulk_imports SET state = 'in_progress' WHERE id = ? AND state = 'scheduled'",
                importId) == 1;
    }

    /**
     * Records a row as done ({@code error} null) or failed, and counts it, once: a row done twice (a job run again
     * after a crash) counts once.
     */
    void settle(long importId, long rowId, String error) {
        int settled = jdbc.update("UPDATE bulk_import_rows SET state = ?, error = ? WHERE id = ? AND state = 'pending'",
                error == null ? "done" : "failed", error, rowId);
        if (settled == 1) {
            jdbc.update("""
                    UPDATE bulk_imports SET processed_items = processed_items + 1,
                                            failed_items = failed_items + ? WHERE id = ?""",
                    error == null ? 0 : 1, importId);
        }
    }

    void finish(long importId, Instant at) {
        jdbc.update("UPDATE bulk_imports SET state = 'finished', finished_at = ? WHERE id = ? AND state <> 'finished'",
                Timestamp.from(at), importId);
    }

    private static BulkImport bulkImport(ResultSet row, int index) throws SQLException {
        Timestamp finishedAt = row.getTimestamp("finished_at");
        return new BulkImport(row.getLong("id"), row.getLong("account_id"),
                ImportType.of(row.getString("type")).orElseThrow(), ImportMode.of(row.getString("mode")).orElseThrow(),
                ImportState.of(row.getString("state")), row.getInt("total_items"), row.getInt("processed_items"),
                row.getInt("failed_items"), row.getTimestamp("created_at").toInstant(),
                finishedAt == null ? null : finishedAt.toInstant());
    }
}
