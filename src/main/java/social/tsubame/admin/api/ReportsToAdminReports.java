package social.tsubame.admin.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import social.tsubame.api.model.ApiDates;
import social.tsubame.api.model.StatusesToApiStatuses;
import social.tsubame.instance.ServerRules;
import social.tsubame.moderation.Report;
import social.tsubame.moderation.ReportNote;

/** Renders reports and their notes for moderators, the accounts they name fetched once per page. */
@Component
class ReportsToAdminReports {

    private final AdminAccounts accounts;
    private final StatusesToApiStatuses statuses;
    private final ServerRules rules;

    ReportsToAdminReports(AdminAccounts accounts, StatusesToApiStatuses statuses, ServerRules rules) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.rules = rules;
    }

    AdminReport one(Report report, long moderatorId) {
        return many(List.of(report), moderatorId).getFirst();
    }

    List<AdminReport> many(List<Report> reports, long moderatorId) {
        Map<Long, AdminAccount> named = accounts.many(reports.stream()
                .flatMap(report -> Stream.of(report.accountId(), report.targetAccountId(),
                        report.assignedAccountId(), report.actionTakenByAccountId()))
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, ServerRules.Rule> allRules = rules.all().stream()
                .collect(Collectors.toMap(ServerRules.Rule::id, Function.identity()));
        return reports.stream().map(report -> new AdminReport(Long.toString(report.id()), report.resolved(),
                ApiDates.format(report.actionTakenAt()), report.category(), report.comment(), report.forwarded(),
                ApiDates.format(report.createdAt()), ApiDates.format(report.updatedAt()),
                named.get(report.accountId()), named.get(report.targetAccountId()),
                get(named, report.assignedAccountId()), get(named, report.actionTakenByAccountId()),
                statuses.forModerator(report.statusIds(), moderatorId),
                report.ruleIds().stream().map(allRules::get).filter(Objects::nonNull)
                        .map(rule -> new AdminReport.Rule(Long.toString(rule.id()), rule.text(), rule.hint()))
                        .toList())).toList();
    }

    List<AdminReportNote> notes(List<ReportNote> notes) {
        Map<Long, AdminAccount> authors = accounts.many(notes.stream().map(ReportNote::accountId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return notes.stream().map(note -> new AdminReportNote(Long.toString(note.id()),
                Long.toString(note.reportId()), get(authors, note.accountId()), note.content(),
                ApiDates.format(note.createdAt()))).toList();
    }

    private static AdminAccount get(Map<Long, AdminAccount> accounts, Long id) {
        return id == null ? null : accounts.get(id);
    }
}
