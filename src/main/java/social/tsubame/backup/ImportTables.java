package social.tsubame.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * Copies a backup's tables into a database whose schema is at the backup's version, all in one transaction: a
 * failure anywhere leaves the tables as empty as they were.
 */
@Component
class ImportTables {

    /** @param beforeCommit work to finish before the tables are committed (storing media files); throws to undo all */
    void importInto(DataSource dataSource, StagedBackup backup, BackupProgress progress, Runnable beforeCommit) {
        BackupManifest manifest = backup.manifest();
        Map<String, BackupManifest.TableFile> files = manifest.tables().stream()
                .collect(Collectors.toMap(BackupManifest.TableFile::name, Function.identity()));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var schema = Tables.columns(connection).keySet();
                for (String table : files.keySet()) {
                    if (!schema.contains(table)) {
                        throw new BackupRefused("The backup has table " + table + ", which the schema at version "
                                + manifest.schemaVersion() + " does not have");
                    }
                }
                for (String table : Tables.parentsFirst(connection, List.copyOf(files.keySet()))) {
                    BackupManifest.TableFile file = files.get(table);
                    long rows = copyIn(connection, file, backup);
                    if (rows != file.rows()) {
                        throw new BackupRefused("Table " + table + " of the backup holds " + rows
                                + " rows where its manifest says " + file.rows());
                    }
                    progress.table(table, rows, file.bytes());
                }
                restoreSequences(connection, manifest.sequences());
                beforeCommit.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot restore the tables: " + e.getMessage(), e);
        }
    }

    private static long copyIn(Connection connection, BackupManifest.TableFile file, StagedBackup backup)
            throws SQLException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(backup.file(file.file())), 64 * 1024)) {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + Tables.quote(file.name())
                    + " (" + ExportTables.quotedList(file.columns()) + ") FROM STDIN", in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.file(), e);
        }
    }

    private static void restoreSequences(Connection connection, List<BackupManifest.SequenceValue> sequences)
            throws SQLException {
        try (var statement = connection.prepareStatement("SELECT setval(?::regclass, ?)")) {
            for (BackupManifest.SequenceValue sequence : sequences) {
                statement.setString(1, Tables.quote(sequence.name()));
                statement.setLong(2, sequence.value());
                statement.execute();
            }
        }
    }
}
