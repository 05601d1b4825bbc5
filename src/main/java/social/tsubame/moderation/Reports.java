package social.tsubame.moderation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reports in the database. */
@Repository
public class Reports {

    private static final String COLUMNS = "id, account_id, target_account_id, status_ids, comment, category, "
            + "rule_ids, forwarded, uri, assigned_account_id, action_taken_by_account_id, action_taken_at, "
            + "created_at, updated_at";

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

    /** The reports with these ids, in the order of the ids; ids of reports that are gone are skipped. */
    public List<Report> findAllInOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Report> byId = jdbc.query("SELECT " + COLUMNS + " FROM reports WHERE id = ANY (?::bigint[])",
                Reports::report, arrayLiteral(ids)).stream()
                .collect(Collectors.toMap(Report::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The newest reports first, open or resolved as asked, older than {@code maxId} when given. */
    public List<Report> newest(boolean resolved, Long maxId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM reports WHERE (action_taken_at IS NOT NULL) = ? "
                        + "AND (?::bigint IS NULL OR id < ?) ORDER BY id DESC LIMIT ?",
                Reports::report, resolved, maxId, maxId, limit);
    }

    /** Stores the report unless one with its uri exists; returns whether it was new. */
    boolean addIfNew(Report report) {
        return jdbc.update("""
                INSERT INTO reports (id, account_id, target_account_id, status_ids, comment, category, rule_ids,
                                     forwarded, uri)
                VALUES (?, ?, ?, ?::bigint[], ?, ?, ?::bigint[], ?, ?)
                ON CONFLICT (uri) DO NOTHING
                """, report.id(), report.accountId(), report.targetAccountId(), arrayLiteral(report.statusIds()),
                report.comment(), report.category(), arrayLiteral(report.ruleIds()), report.forwarded(),
                report.uri()) > 0;
    }

    /** Marks an open report resolved; returns whether it was open. */
    boolean resolve(long id, Long moderatorId) {
        return jdbc.update("UPDATE reports SET action_taken_at = now(), action_taken_by_account_id = ?, "
                + "updated_at = now() WHERE id = ? AND action_taken_at IS NULL", moderatorId, id) > 0;
    }

    /** Opens a resolved report again; returns whether it was resolved. */
    boolean reopen(long id) {
        return jdbc.update("UPDATE reports SET action_taken_at = NULL, action_taken_by_account_id = NULL, "
                + "updated_at = now() WHERE id = ? AND action_taken_at IS NOT NULL", id) > 0;
    }

    void assign(long id, Long assigneeId) {
        jdbc.update("UPDATE reports SET assigned_account_id = ?, updated_at = now() WHERE id = ?", assigneeId, id);
    }

    void categorize(long id, String category, List<Long> ruleIds) {
        jdbc.update("UPDATE reports SET category = ?, rule_ids = ?::bigint[], updated_at = now() WHERE id = ?",
                category, arrayLiteral(ruleIds), id);
    }

    /** A report to change, locked until the transaction ends so two moderators' changes do not interleave. */
    Optional<Report> findForUpdate(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM reports WHERE id = ? FOR UPDATE", Reports::report, id)
                .stream().findFirst();
    }

    /** A PostgreSQL array literal, bound as text and cast: the driver needs a connection to make a real array. */
    static String arrayLiteral(Collection<Long> ids) {
        return "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        return new Report(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("target_account_id"),
                ids(rs.getArray("status_ids")), rs.getString("comment"), rs.getString("category"),
                ids(rs.getArray("rule_ids")), rs.getBoolean("forwarded"), rs.getString("uri"),
                (Long) rs.getObject("assigned_account_id"), (Long) rs.getObject("action_taken_by_account_id"),
                instant(rs.getTimestamp("action_taken_at")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static List<Long> ids(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
