package social.tsubame.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.instance.ServerRules;
import social.tsubame.moderation.ActOnAccount;
import social.tsubame.moderation.AuditLog;
import social.tsubame.moderation.FileReport;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Visibility;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

/** Moderators work through reports with Mastodon's admin API; each change they make is in the audit log. */
@TsubameTest
class ReportsAdminApiTest {

    /** The fields of Mastodon's Admin::Report and Admin::Account entities. */
    private static final List<String> ADMIN_REPORT = List.of("id", "action_taken", "action_taken_at", "category",
            "comment", "forwarded", "created_at", "updated_at", "account", "target_account", "assigned_account",
            "action_taken_by_account", "statuses", "rules");
    private static final List<String> ADMIN_ACCOUNT = List.of("id", "username", "domain", "created_at", "email",
            "ip", "ips", "locale", "invite_request", "role", "confirmed", "approved", "disabled", "silenced",
            "suspended", "sensitized", "account");

    private static final String MODERATOR_SCOPES = "read write admin:read:reports admin:write:reports";

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    FileReport fileReport;

    @Autowired
    PostStatus postStatus;

    @Autowired
    ServerRules rules;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ActOnAccount actOnAccount;

    ApiClient api;
    String moderator;
    Account mia;
    Account rex;
    Account tia;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "mia_mod", Role.MODERATOR);
        LocalUsers.ensure(createLocalAccount, accounts, "uma_user", "rex_reporter", "tia_target");
        mia = accounts.findLocal("mia_mod").orElseThrow();
        rex = accounts.findLocal("rex_reporter").orElseThrow();
        tia = accounts.findLocal("tia_target").orElseThrow();
        moderator = api.userToken("mia_mod", LocalUsers.PASSWORD, MODERATOR_SCOPES);
    }

    private long report(Account target, String comment) {
        long status = postStatus.post(new PostStatus.Command(target.id(), "Reported: " + comment, null, false,
                Visibility.PUBLIC, "en", null, List.of())).id();
        return fileReport.file(new FileReport.Command(rex.id(), target.id(), List.of(status), comment, "spam",
                List.of(), false)).id();
    }

    private List<String> ids(JsonNode reports) {
        return reports.valueStream().map(report -> report.path("id").asString()).toList();
    }

    @Test
    void onlyModeratorsWithTheReportsScopesMayUseIt() {
        long id = report(tia, "only moderators");
        String user = api.userToken("uma_user", LocalUsers.PASSWORD, MODERATOR_SCOPES);
        String moderatorWithoutScope = api.userToken("mia_mod", LocalUsers.PASSWORD, "read write");

        ApiClient.Response notModerator = api.get("/api/v1/admin/reports", user);
        assertThat(notModerator.status()).isEqualTo(403);
        assertThat(notModerator.json().path("error").asString()).isEqualTo("This action is not allowed");
        assertThat(api.postForm("/api/v1/admin/reports/" + id + "/resolve", user, Map.of()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/reports/" + id, moderatorWithoutScope).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/reports", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/reports/" + id, moderator).json().path("action_taken").asBoolean())
                .isFalse();
    }

    @Test
    void showsAReportWithEveryoneItNames() {
        long id = report(tia, "shape");

        JsonNode report = api.get("/api/v1/admin/reports/" + id, moderator).json();

        assertThat(report.path("id").asString()).isEqualTo(Long.toString(id));
        assertThat(report.propertyNames()).containsAll(ADMIN_REPORT);
        assertThat(report.path("account").propertyNames()).containsAll(ADMIN_ACCOUNT);
        assertThat(report.path("category").asString()).isEqualTo("spam");
        assertThat(report.path("comment").asString()).isEqualTo("shape");
        assertThat(report.path("updated_at").asString()).isNotBlank();
        assertThat(report.path("account").path("username").asString()).isEqualTo("rex_reporter");
        JsonNode target = report.path("target_account");
        assertThat(target.path("id").asString()).isEqualTo(Long.toString(tia.id()));
        assertThat(target.path("domain").isNull()).isTrue();
        assertThat(target.path("email").asString()).isEqualTo("tia_target@example.com");
        assertThat(target.path("role").path("id").asString()).isEqualTo("-99");
        assertThat(target.path("suspended").asBoolean()).isFalse();
        assertThat(target.path("ips").isArray()).isTrue();
        assertThat(target.path("account").path("acct").asString()).isEqualTo("tia_target");
        assertThat(report.path("assigned_account").isNull()).isTrue();
        assertThat(report.path("action_taken_by_account").isNull()).isTrue();
        assertThat(report.path("statuses").valueStream().map(s -> s.path("content").asString()).toList())
                .singleElement().asString().contains("Reported: shape");
        assertThat(report.path("rules").isArray()).isTrue();
        assertThat(api.get("/api/v1/admin/reports/12345", moderator).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/reports/nonsense", moderator).status()).isEqualTo(404);
    }

    @Test
    void aReportStillShowsItsTargetAndStatusesOnceTheTargetIsSuspended() {
        LocalUsers.ensure(createLocalAccount, accounts, "sue_suspended");
        Account sue = accounts.findLocal("sue_suspended").orElseThrow();
        long id = report(sue, "suspend me");

        actOnAccount.act(new ActOnAccount.Command(mia.id(), sue.id(), "suspend", null, id));

        JsonNode report = api.get("/api/v1/admin/reports/" + id, moderator).json();
        assertThat(report.path("target_account").path("suspended").asBoolean()).isTrue();
        assertThat(report.path("target_account").path("account").path("acct").asString())
                .isEqualTo("sue_suspended");
        assertThat(report.path("statuses").valueStream().map(s -> s.path("content").asString()).toList())
                .singleElement().asString().contains("Reported: suspend me");
    }

    @Test
    void moderatorsAssignRecategorizeResolveAndReopenAndTheLogSaysSo() {
        long id = report(tia, "the whole round");
        String path = "/api/v1/admin/reports/" + id;
        ServerRules.Rule rule = rules.add("No advertising", null);

        assertThat(api.postForm(path + "/assign_to_self", moderator, Map.of()).json().path("assigned_account")
                .path("id").asString()).isEqualTo(Long.toString(mia.id()));
        assertThat(api.postForm(path + "/unassign", moderator, Map.of()).json().path("assigned_account").isNull())
                .isTrue();

        JsonNode updated = api.sendJson("PUT", path, moderator, Map.of("category", "violation",
                "rule_ids", List.of(Long.toString(rule.id())))).json();
        assertThat(updated.path("category").asString()).isEqualTo("violation");
        assertThat(updated.path("rules").valueStream().map(r -> r.path("text").asString()))
                .containsExactly("No advertising");
        assertThat(api.sendJson("PUT", path, moderator, Map.of("category", "rude")).status()).isEqualTo(422);

        JsonNode resolved = api.postForm(path + "/resolve", moderator, Map.of()).json();
        assertThat(resolved.path("action_taken").asBoolean()).isTrue();
        assertThat(resolved.path("action_taken_at").asString()).isNotBlank();
        assertThat(resolved.path("action_taken_by_account").path("id").asString())
                .isEqualTo(Long.toString(mia.id()));
        String targetFilter = "?target_account_id=" + tia.id() + "&limit=200";
        assertThat(ids(api.get("/api/v1/admin/reports" + targetFilter, moderator).json()))
                .doesNotContain(Long.toString(id));
        assertThat(ids(api.get("/api/v1/admin/reports" + targetFilter + "&resolved=true", moderator).json()))
                .contains(Long.toString(id));

        JsonNode reopened = api.postForm(path + "/reopen", moderator, Map.of()).json();
        assertThat(reopened.path("action_taken").asBoolean()).isFalse();
        assertThat(reopened.path("action_taken_by_account").isNull()).isTrue();
        assertThat(ids(api.get("/api/v1/admin/reports" + targetFilter, moderator).json()))
                .contains(Long.toString(id));

        List<AuditLog.Entry> logged = auditLog.newest(null, 50).stream()
                .filter(entry -> entry.targetId().equals(Long.toString(id))).toList().reversed();
        assertThat(logged).extracting(AuditLog.Entry::action).containsExactly("assigned_to_self_report",
                "unassigned_report", "update_report", "resolve_report", "reopen_report");
        assertThat(logged).allSatisfy(entry -> {
            assertThat(entry.actorAccountId()).isEqualTo(mia.id());
            assertThat(entry.targetType()).isEqualTo("Report");
            assertThat(entry.summary()).contains("tia_target");
        });
        rules.remove(rule.id());
    }

    @Test
    void moderatorsLeaveNotesForEachOther() {
        long id = report(tia, "notes");
        String notes = "/api/v1/admin/reports/" + id + "/notes";

        JsonNode note = api.postForm(notes, moderator, Map.of("content", "Checked their other posts")).json();
        assertThat(note.path("content").asString()).isEqualTo("Checked their other posts");
        assertThat(note.path("report_id").asString()).isEqualTo(Long.toString(id));
        assertThat(note.path("account").path("id").asString()).isEqualTo(Long.toString(mia.id()));
        api.postForm(notes, moderator, Map.of("content", "Second look"));

        assertThat(api.get(notes, moderator).json().valueStream().map(n -> n.path("content").asString()))
                .containsExactly("Checked their other posts", "Second look");
        ApiClient.Response empty = api.postForm(notes, moderator, Map.of("content", " "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().path("error").asString()).isNotBlank();
        assertThat(api.get("/api/v1/admin/reports/12345/notes", moderator).status()).isEqualTo(404);
        assertThat(auditLog.newest(null, 10)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("create_report_note");
            assertThat(entry.targetId()).isEqualTo(Long.toString(id));
        });
    }

    @Test
    void listsPageByPageWithLinksAndFilterByReporterAndTarget() {
        LocalUsers.ensure(createLocalAccount, accounts, "paged_target");
        Account paged = accounts.findLocal("paged_target").orElseThrow();
        long first = report(paged, "one");
        long second = report(paged, "two");
        long third = report(paged, "three");

        ApiClient.Response page = api.get("/api/v1/admin/reports?target_account_id=" + paged.id() + "&limit=2",
                moderator);
        assertThat(ids(page.json())).containsExactly(Long.toString(third), Long.toString(second));
        assertThat(page.link()).contains("rel=\"next\"").contains("max_id=" + second);
        ApiClient.Response next = api.get("/api/v1/admin/reports?target_account_id=" + paged.id()
                + "&limit=2&max_id=" + second, moderator);
        assertThat(ids(next.json())).containsExactly(Long.toString(first));

        assertThat(ids(api.get("/api/v1/admin/reports?account_id=" + rex.id() + "&limit=200", moderator).json()))
                .contains(Long.toString(first));
        assertThat(ids(api.get("/api/v1/admin/reports?account_id=" + mia.id(), moderator).json())).isEmpty();
    }
}
