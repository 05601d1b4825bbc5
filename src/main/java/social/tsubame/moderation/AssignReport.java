package social.tsubame.moderation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/** A moderator takes a report on, so others know it is being handled, or lets it go again. */
@Service
public class AssignReport {

    private final Reports reports;
    private final ReportAuditLog audit;

    AssignReport(Reports reports, ReportAuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    /** @throws ApiException 404 when there is no such report */
    @Transactional
    public Report assignToSelf(long reportId, long moderatorAccountId) {
        Report report = reports.findForUpdate(reportId).orElseThrow(ApiException::notFound);
        reports.assign(reportId, moderatorAccountId);
        audit.record(moderatorAccountId, "assigned_to_self_report", report);
        return reports.findById(reportId).orElseThrow();
    }

    /** @throws ApiException 404 when there is no such report */
    @Transactional
    public Report unassign(long reportId, long moderatorAccountId) {
        Report report = reports.findForUpdate(reportId).orElseThrow(ApiException::notFound);
        reports.assign(reportId, null);
        audit.record(moderatorAccountId, "unassigned_report", report);
        return reports.findById(reportId).orElseThrow();
    }
}
