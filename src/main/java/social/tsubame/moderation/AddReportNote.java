package social.tsubame.moderation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;

/** A moderator writes a note on a report for the others: what they checked, what they decided and why. */
@Service
public class AddReportNote {

    public static final int MAX_LENGTH = 500;

    private final Reports reports;
    private final ReportNotes notes;
    private final TimeOrderedIds ids;
    private final ReportAuditLog audit;

    AddReportNote(Reports reports, ReportNotes notes, TimeOrderedIds ids, ReportAuditLog audit) {
        this.reports = reports;
        this.notes = notes;
        this.ids = ids;
        this.audit = audit;
    }

    /**
     * @param moderatorAccountId null when written from the command line
     * @throws ApiException 404 when there is no such report; 422 for an empty or too long note
     */
    @Transactional
    public ReportNote add(long reportId, Long moderatorAccountId, String content) {
        Report report = reports.findById(reportId).orElseThrow(ApiException::notFound);
        String text = content == null ? "" : content.strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw ApiException.unprocessable("Validation failed: content must be 1 to " + MAX_LENGTH
                    + " characters");
        }
        long id = ids.next();
        notes.add(id, reportId, moderatorAccountId, text);
        audit.record(moderatorAccountId, "create_report_note", report);
        return notes.findById(id);
    }
}
