package social.tsubame.moderation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/** A moderator puts a resolved report back on the open list. */
@Service
public class ReopenReport {

    private final Reports reports;
    private final ReportAuditLog audit;

    ReopenReport(Reports reports, ReportAuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    /**
     * Reopening an open report changes nothing and logs nothing.
     *
     * @param moderatorAccountId null when the operator reopens it from the command line
     * @throws ApiException 404 when there is no such report
     */
    @Transactional
    public Report reopen(long reportId, Long moderatorAccountId) {
        Report report = reports.findForUpdate(reportId).orElseThrow(ApiException::notFound);
        if (reports.reopen(reportId)) {
            audit.record(moderatorAccountId, "reopen_report", report);
        }
        return reports.findById(reportId).orElseThrow();
    }
}
