package social.tsubame.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Moderators' notes on reports, in the database. */
@Repository
public class ReportNotes {

    private final JdbcTemplate jdbc;

    ReportNotes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The notes on a report, oldest first, as a conversation reads. */
    public List<ReportNote> of(long reportId) {
        return jdbc.query("SELECT id, report_id, account_id, content, created_at FROM report_notes "
                + "WHERE report_id = ? ORDER BY id", ReportNotes::note, reportId);
    }

    void add(long id, long reportId, Long accountId, String content) {
        jdbc.update("INSERT INTO report_notes (id, report_id, account_id, content) VALUES (?, ?, ?, ?)",
                id, reportId, accountId, content);
    }

    ReportNote findById(long id) {
        return jdbc.queryForObject("SELECT id, report_id, account_id, content, created_at FROM report_notes "
                + "WHERE id = ?", ReportNotes::note, id);
    }

    private static ReportNote note(ResultSet rs, int row) throws SQLException {
        return new ReportNote(rs.getLong("id"), rs.getLong("report_id"), (Long) rs.getObject("account_id"),
                rs.getString("content"), rs.getTimestamp("created_at").toInstant());
    }
}
