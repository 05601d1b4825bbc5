package social.tsubame.moderation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reports in the database. */
@Repository
public class Reports {

    private static final String COLUMNS = "id, account_id, target_account_id, status_ids, comment, category, "
            + "forwarded, uri, action_taken_at, created_at";

    private final JdbcTemplate jdbc;

    Reports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Report> findById(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM reports WHERE id = ?", Reports::report, id).stream()
                .findFirst();
    }

    public Optional<Report> findByUri(String uri) {
        return jdbc.query("SELECT " + COLUMNS + " FROM reports WHERE uri = ?", Reports::report, uri).stream()
                .findFirst();
    }

    /** Stores the report unless one with its uri exists; returns whether it was new. */
    boolean addIfNew(Report report) {
        return jdbc.update("""
                INSERT INTO reports (id, account_id, target_account_id, status_ids, comment, category, forwarded, uri)
                VALUES (?, ?, ?, ?::bigint[], ?, ?, ?, ?)
                ON CONFLICT (uri) DO NOTHING
                """, report.id(), report.accountId(), report.targetAccountId(), arrayLiteral(report.statusIds()),
                report.comment(), report.category(), report.forwarded(), report.uri()) > 0;
    }

    /** A PostgreSQL array literal, bound as text and cast: the driver needs a connection to make a real array. */
    static String arrayLiteral(List<Long> ids) {
        return "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        Array statusIds = rs.getArray("status_ids");
        return new Report(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("target_account_id"),
                Arrays.asList((Long[]) statusIds.getArray()), rs.getString("comment"), rs.getString("category"),
                rs.getBoolean("forwarded"), rs.getString("uri"), instant(rs.getTimestamp("action_taken_at")),
                instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
