package social.tsubame.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * Copies every application table out of one snapshot of the database (a REPEATABLE READ, READ ONLY transaction),
 * so that the tables agree with each other as they did at one instant, while the server goes on writing.
 */
@Component
class ExportTables {

    record Exported(String schemaVersion, List<BackupManifest.TableFile> tables,
                    List<BackupManifest.SequenceValue> sequences, LocalMediaKeys.Found media) {
    }

    private final DataSource dataSource;

    ExportTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param snapshotTaken run once the snapshot is fixed: what it writes is not in the backup
     */
    Exported export(Path folder, BackupProgress progress, Runnable snapshotTaken) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                MigrationVersion version = SchemaVersions.current(connection)
                        .orElseThrow(() -> new BackupRefused("The database has no schema to back up"));
                snapshotTaken.run();
                progress.step("Tables at schema version " + version);
                List<BackupManifest.TableFile> tables = new ArrayList<>();
                for (Map.Entry<String, List<String>> table : Tables.columns(connection).entrySet()) {
                    tables.add(copyOut(connection, table.getKey(), table.getValue(), folder));
                    BackupManifest.TableFile written = tables.getLast();
                    progress.table(written.name(), written.rows(), written.bytes());
                }
                Exported exported = new Exported(version.getVersion(), tables, sequences(connection),
                        LocalMediaKeys.find(connection));
                connection.commit();
                return exported;
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database: " + e.getMessage(), e);
        }
    }

    private static BackupManifest.TableFile copyOut(Connection connection, String table, List<String> columns,
                                                    Path folder) throws SQLException {
        String file = "tables/" + table + ".copy.gz";
        try {
            ChecksummedFiles.Output checksummed = new ChecksummedFiles.Output(folder.resolve(file));
            long rows;
            try (checksummed; OutputStream gzip = new GZIPOutputStream(checksummed, 64 * 1024)) {
                rows = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("COPY " + Tables.quote(table) + " (" + quotedList(columns) + ") TO STDOUT", gzip);
            }
            ChecksummedFiles.Written written = checksummed.written();
            return new BackupManifest.TableFile(table, columns, rows, file, written.sha256(), written.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static List<BackupManifest.SequenceValue> sequences(Connection connection) throws SQLException {
        List<BackupManifest.SequenceValue> sequences = new ArrayList<>();
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("""
                     SELECT sequencename, last_value FROM pg_sequences
                     WHERE schemaname = current_schema() AND last_value IS NOT NULL ORDER BY sequencename
                     """)) {
            while (result.next()) {
                sequences.add(new BackupManifest.SequenceValue(result.getString(1), result.getLong(2)));
            }
        }
        return sequences;
    }

    static String quotedList(List<String> columns) {
        return String.join(", ", columns.stream().map(Tables::quote).toList());
    }
}
