package social.tsubame.moderation;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.instance.ServerRules;

/** A moderator corrects what a report is about: its category and, for a violation, the rules broken. */
@Service
public class RecategorizeReport {

    private final Reports reports;
    private final ServerRules rules;
    private final ReportAuditLog audit;

    RecategorizeReport(Reports reports, ServerRules rules, ReportAuditLog audit) {
        this.reports = reports;
        this.rules = rules;
        this.audit = audit;
    }

    /**
     * @param category null to keep it, unless rules are named: then it becomes {@code violation}
     * @param ruleIds  null to keep them; rules are dropped from a report that is not a violation
     * @throws ApiException 404 when there is no such report; 422 for a bad category or rule
     */
    @Transactional
    public Report recategorize(long reportId, String category, List<Long> ruleIds, long moderatorAccountId) {
        Report report = reports.findForUpdate(reportId).orElseThrow(ApiException::notFound);
        String newCategory = category != null ? ReportCategories.valid(category)
                : ruleIds != null && !ruleIds.isEmpty() ? ReportCategories.VIOLATION : report.category();
        List<Long> newRules = ReportCategories.rulesFor(newCategory, ruleIds != null ? ruleIds : report.ruleIds(),
                rules);
        reports.categorize(reportId, newCategory, newRules);
        audit.record(moderatorAccountId, "update_report", report);
        return reports.findById(reportId).orElseThrow();
    }
}
