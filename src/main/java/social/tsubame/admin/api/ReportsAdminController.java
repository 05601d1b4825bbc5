package social.tsubame.admin.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.moderation.AddReportNote;
import social.tsubame.moderation.AssignReport;
import social.tsubame.moderation.RecategorizeReport;
import social.tsubame.moderation.ReopenReport;
import social.tsubame.moderation.Report;
import social.tsubame.moderation.ReportNote;
import social.tsubame.moderation.ReportNotes;
import social.tsubame.moderation.Reports;
import social.tsubame.moderation.ResolveReport;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.RecordIds;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/**
 * Mastodon's admin API for reports: moderators list them, take them on, recategorize, resolve and reopen them; and
 * (a Tsubame extension) leave notes on them for each other.
 */
@RestController
@Profile(Roles.WEB)
@RequestMapping("/api/v1/admin/reports")
class ReportsAdminController {

    private static final int MAX_LIMIT = 200;
    private static final int DEFAULT_LIMIT = 100;

    /** @param resolved resolved reports instead of open ones; open ones when absent */
    record ListParams(Boolean resolved, String accountId, String targetAccountId, String maxId, String sinceId,
                      String minId, Integer limit) {
    }

    record UpdateParams(String category, List<String> ruleIds) {
    }

    record NoteParams(String content) {
    }

    private final ServerAdmins admins;
    private final Reports reports;
    private final ReportNotes notes;
    private final NamedParameterJdbcTemplate jdbc;
    private final ReportsToAdminReports render;
    private final AssignReport assign;
    private final ResolveReport resolve;
    private final ReopenReport reopen;
    private final RecategorizeReport recategorize;
    private final AddReportNote addNote;

    ReportsAdminController(ServerAdmins admins, Reports reports, ReportNotes notes, NamedParameterJdbcTemplate jdbc,
                           ReportsToAdminReports render, AssignReport assign, ResolveReport resolve,
                           ReopenReport reopen, RecategorizeReport recategorize, AddReportNote addNote) {
        this.admins = admins;
        this.reports = reports;
        this.notes = notes;
        this.jdbc = jdbc;
        this.render = render;
        this.assign = assign;
        this.resolve = resolve;
        this.reopen = reopen;
        this.recategorize = recategorize;
        this.addNote = addNote;
    }

    @GetMapping
    @RequiresScope("admin:read:reports")
    ResponseEntity<List<AdminReport>> list(@ApiParams ListParams params, Caller caller, HttpServletRequest request) {
        admins.requireModerator(caller);
        Page page = Page.of(params.maxId(), params.sinceId(), params.minId(),
                params.limit() == null ? DEFAULT_LIMIT : params.limit(), MAX_LIMIT);
        Map<String, Object> sql = new HashMap<>(Map.of("resolved", Boolean.TRUE.equals(params.resolved())));
        StringBuilder query = new StringBuilder("SELECT id FROM reports WHERE (action_taken_at IS NOT NULL) = "
                + ":resolved");
        if (params.accountId() != null && !params.accountId().isBlank()) {
            query.append(" AND account_id = :account_id");
            sql.put("account_id", RecordIds.required(params.accountId()));
        }
        if (params.targetAccountId() != null && !params.targetAccountId().isBlank()) {
            query.append(" AND target_account_id = :target_account_id");
            sql.put("target_account_id", RecordIds.required(params.targetAccountId()));
        }
        query.append(page.sqlClause("id", sql));
        List<Report> found = reports.findAllInOrder(page.newestFirst(jdbc.queryForList(query.toString(), sql,
                Long.class)));
        return Page.respond(render.many(found, caller.accountId()), report -> Long.parseLong(report.id()), request);
    }

    @GetMapping("/{id}")
    @RequiresScope("admin:read:reports")
    AdminReport show(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        Report report = reports.findById(RecordIds.required(id)).orElseThrow(ApiException::notFound);
        return render.one(report, caller.accountId());
    }

    @PostMapping("/{id}/assign_to_self")
    @RequiresScope("admin:write:reports")
    AdminReport assignToSelf(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        return render.one(assign.assignToSelf(RecordIds.required(id), caller.accountId()), caller.accountId());
    }

    @PostMapping("/{id}/unassign")
    @RequiresScope("admin:write:reports")
    AdminReport unassign(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        return render.one(assign.unassign(RecordIds.required(id), caller.accountId()), caller.accountId());
    }

    @PostMapping("/{id}/resolve")
    @RequiresScope("admin:write:reports")
    AdminReport resolve(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        return render.one(resolve.resolve(RecordIds.required(id), caller.accountId()), caller.accountId());
    }

    @PostMapping("/{id}/reopen")
    @RequiresScope("admin:write:reports")
    AdminReport reopen(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        return render.one(reopen.reopen(RecordIds.required(id), caller.accountId()), caller.accountId());
    }

    @PutMapping("/{id}")
    @RequiresScope("admin:write:reports")
    AdminReport update(@PathVariable String id, @ApiParams UpdateParams params, Caller caller) {
        admins.requireModerator(caller);
        List<Long> ruleIds = params.ruleIds() == null ? null : params.ruleIds().stream()
                .filter(rule -> rule != null && !rule.isBlank()).map(ReportsAdminController::ruleId).toList();
        Report report = recategorize.recategorize(RecordIds.required(id), params.category(), ruleIds,
                caller.accountId());
        return render.one(report, caller.accountId());
    }

    @GetMapping("/{id}/notes")
    @RequiresScope("admin:read:reports")
    List<AdminReportNote> notes(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        Report report = reports.findById(RecordIds.required(id)).orElseThrow(ApiException::notFound);
        return render.notes(notes.of(report.id()));
    }

    @PostMapping("/{id}/notes")
    @RequiresScope("admin:write:reports")
    AdminReportNote addNote(@PathVariable String id, @ApiParams NoteParams params, Caller caller) {
        admins.requireModerator(caller);
        ReportNote note = addNote.add(RecordIds.required(id), caller.accountId(), params.content());
        return render.notes(List.of(note)).getFirst();
    }

    private static long ruleId(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.unprocessable("Validation failed: rule_ids is invalid");
        }
    }
}
