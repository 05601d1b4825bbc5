package social.tsubame.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The application's tables as the database's catalogue describes them: every table of the current schema. */
final class Tables {

    private Tables() {
    }

    static boolean exists(Connection connection, String table) throws SQLException {
        try (var statement = connection.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM information_schema.tables
                               WHERE table_schema = current_schema() AND table_name = ?)
                """)) {
            statement.setString(1, table);
            try (var result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Each table but Flyway's history, by name, with its columns in order (generated ones left out). */
    static Map<String, List<String>> columns(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (var statement = connection.prepareStatement("""
                SELECT c.table_name, c.column_name
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> ?
                  AND c.is_generated = 'NEVER'
                ORDER BY c.table_name, c.ordinal_position
                """)) {
            statement.setString(1, SchemaVersions.HISTORY_TABLE);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    tables.computeIfAbsent(result.getString(1), table -> new ArrayList<>()).add(result.getString(2));
                }
            }
        }
        return tables;
    }

    /** The first table of {@code tables} holding a row, or null when all are empty. */
    static String firstWithRows(Connection connection, Iterable<String> tables) throws SQLException {
        for (String table : tables) {
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(table) + ")")) {
                if (result.next() && result.getBoolean(1)) {
                    return table;
                }
            }
        }
        return null;
    }

    /**
     * {@code tables} ordered so that a table comes after those its foreign keys point at (a table's keys to itself
     * are checked at the end of each COPY, so they need no order). Tables in a cycle keep their given order.
     */
    static List<String> parentsFirst(Connection connection, List<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new HashMap<>();
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("""
                     SELECT child.relname, parent.relname
                     FROM pg_constraint c
                     JOIN pg_class child ON child.oid = c.conrelid
                     JOIN pg_class parent ON parent.oid = c.confrelid
                     JOIN pg_namespace n ON n.oid = child.relnamespace
                     WHERE c.contype = 'f' AND n.nspname = current_schema()
                     """)) {
            while (result.next()) {
                if (!result.getString(1).equals(result.getString(2))) {
                    parents.computeIfAbsent(result.getString(1), table -> new LinkedHashSet<>())
                            .add(result.getString(2));
                }
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        boolean progressed = true;
        while (ordered.size() < tables.size() && progressed) {
            progressed = false;
            for (String table : tables) {
                if (!ordered.contains(table) && ordered.containsAll(
                        parents.getOrDefault(table, Set.of()).stream().filter(tables::contains).toList())) {
                    ordered.add(table);
                    progressed = true;
                }
            }
        }
        ordered.addAll(tables);
        return List.copyOf(ordered);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
