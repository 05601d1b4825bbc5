package social.tsubame.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.flywaydb.core.api.MigrationVersion;

/** The Flyway version a database's schema is at. */
final class SchemaVersions {

    static final String HISTORY_TABLE = "flyway_schema_history";

    private SchemaVersions() {
    }

    /** The highest migration applied, or empty for a database Flyway has not touched. */
    static Optional<MigrationVersion> current(Connection connection) throws SQLException {
        if (!Tables.exists(connection, HISTORY_TABLE)) {
            return Optional.empty();
        }
        MigrationVersion highest = null;
        try (var statement = connection.createStatement();
             var result = statement.executeQuery(
                     "SELECT version FROM " + HISTORY_TABLE + " WHERE success AND version IS NOT NULL")) {
            while (result.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(result.getString(1));
                highest = highest == null || version.isNewerThan(highest) ? version : highest;
            }
        }
        return Optional.ofNullable(highest);
    }
}
