package social.tsubame.api.model;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.moderation.Report;

/** Renders a report as Mastodon's Report entity, with the account it is about. */
@Component
public class ReportToApiReport {

    private final AccountsToApiAccounts accounts;

    public ReportToApiReport(AccountsToApiAccounts accounts) {
        this.accounts = accounts;
    }

    /** Empty when the reported account can no longer be shown. */
    public Optional<ApiReport> convert(Report report) {
        return accounts.one(report.targetAccountId()).map(target -> new ApiReport(Long.toString(report.id()),
                report.resolved(), ApiDates.format(report.actionTakenAt()), report.category(), report.comment(),
                report.forwarded(), ApiDates.format(report.createdAt()),
                report.statusIds().stream().map(String::valueOf).toList(),
                report.ruleIds().stream().map(String::valueOf).toList(), target));
    }
}
