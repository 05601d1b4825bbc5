package social.tsubame.api.reports;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.ApiReport;
import social.tsubame.api.model.ReportToApiReport;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.moderation.FileReport;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** Users report accounts and their posts to the moderators. */
@RestController
@Profile(Roles.WEB)
class ReportsController {

    record ReportParams(String accountId, List<String> statusIds, String comment, String category,
                        List<String> ruleIds, Boolean forward) {
    }

    private final FileReport fileReport;
    private final ReportToApiReport toApiReport;

    ReportsController(FileReport fileReport, ReportToApiReport toApiReport) {
        this.fileReport = fileReport;
        this.toApiReport = toApiReport;
    }

    @PostMapping("/api/v1/reports")
    @RequiresScope("write:reports")
    ApiReport file(@ApiParams ReportParams params, Caller caller) {
        if (params.accountId() == null || params.accountId().isBlank()) {
            throw ApiException.unprocessable("Validation failed: account_id is required");
        }
        return toApiReport.convert(fileReport.file(new FileReport.Command(caller.accountId(),
                        id(params.accountId(), "account_id"), ids(params.statusIds(), "status_ids"), params.comment(),
                        params.category(), ids(params.ruleIds(), "rule_ids"), Boolean.TRUE.equals(params.forward()))))
                .orElseThrow(ApiException::notFound);
    }

    private static List<Long> ids(List<String> values, String name) {
        return values == null ? List.of() : values.stream().filter(value -> value != null && !value.isBlank())
                .map(value -> id(value, name)).toList();
    }

    private static long id(String value, String name) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.unprocessable("Validation failed: " + name + " is invalid");
        }
    }
}
