package social.tsubame.moderation;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;

/** Writes what was done to a report to the {@link AuditLog}, naming whom the report is about. */
@Component
class ReportAuditLog {

    static final String TARGET_TYPE = "Report";

    private final AuditLog log;
    private final Accounts accounts;

    ReportAuditLog(AuditLog log, Accounts accounts) {
        this.log = log;
        this.accounts = accounts;
    }

    /** @param moderatorId null when the operator acted from the command line */
    void record(Long moderatorId, String action, Report report) {
        String target = accounts.findById(report.targetAccountId()).map(Account::acct).orElse("a deleted account");
        log.record(moderatorId, action, TARGET_TYPE, Long.toString(report.id()),
                "report " + report.id() + " about " + target);
    }
}
