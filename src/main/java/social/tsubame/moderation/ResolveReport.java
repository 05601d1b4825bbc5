package social.tsubame.moderation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/** A moderator closes a report: it leaves the open list, remembering who resolved it and when. */
@Service
public class ResolveReport {

    private final Reports reports;
    private final ReportAuditLog audit;

    ResolveReport(Reports reports, ReportAuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    /**
     * Resolving a resolved report changes nothing and logs nothing.
     *
     * @param moderatorAccountId null when the operator resolves it from the command line
     * @throws ApiException 404 when there is no such report
     */
    @Transactional
    public Report resolve(long reportId, Long moderatorAccountId) {
        Report report = reports.findForUpdate(reportId).orElseThrow(ApiException::notFound);
        if (reports.resolve(reportId, moderatorAccountId)) {
            audit.record(moderatorAccountId, "resolve_report", report);
        }
        return reports.findById(reportId).orElseThrow();
    }
}
