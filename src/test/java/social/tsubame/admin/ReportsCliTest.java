package social.tsubame.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import social.tsubame.testing.TestServers;

/** The operator works through reports from the command line; the audit log names no moderator for it. */
class ReportsCliTest {

    private final Map<String, Object> servers = TestServers.freshProperties();

    private CommandRunner.Result admin(String... args) {
        return CommandRunner.asFromTheJar(servers, args);
    }

    private JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource((String) servers.get("spring.datasource.url"),
                (String) servers.get("spring.datasource.username"), ""));
    }

    /** A report by reporter about target, as a user would file it. */
    private long report(JdbcTemplate db, String reporter, String target, String comment) {
        long id = db.queryForObject("SELECT coalesce(max(id), 0) + 1 FROM reports", Long.class);
        db.update("""
                INSERT INTO reports (id, account_id, target_account_id, comment, category)
                SELECT ?, r.id, t.id, ?, 'spam' FROM accounts r, accounts t
                WHERE r.username = ? AND r.domain IS NULL AND t.username = ? AND t.domain IS NULL""",
                id, comment, reporter, target);
        return id;
    }

    @Test
    void listsShowsResolvesReopensAndNotesReports() {
        assertThat(admin("accounts", "create", "rhea", "--email", "rhea@example.org").exitCode()).isZero();
        assertThat(admin("accounts", "create", "troll", "--email", "troll@example.org").exitCode()).isZero();
        JdbcTemplate db = database();
        long id = report(db, "rhea", "troll", "Insults in every reply");
        String reportId = Long.toString(id);

        CommandRunner.Result listed = admin("reports", "list");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains(reportId).contains("open").contains("spam").contains("troll")
                .contains("rhea");

        assertThat(admin("reports", "note", reportId, "Looked at their replies").out())
                .contains("Added a note to report " + id);
        CommandRunner.Result shown = admin("reports", "show", reportId);
        assertThat(shown.out()).contains("Report " + id + " (open, spam)").contains("Target:    troll")
                .contains("Insults in every reply").contains("Note by the command line")
                .contains("Looked at their replies");

        assertThat(admin("reports", "resolve", reportId).out()).contains("Resolved report " + id);
        assertThat(admin("reports", "list").out()).doesNotContain(reportId);
        assertThat(admin("reports", "list", "--resolved").out()).contains(reportId).contains("resolved");
        assertThat(admin("reports", "reopen", reportId).out()).contains("Reopened report " + id);
        assertThat(admin("reports", "list").out()).contains(reportId);

        assertThat(admin("reports", "show", "999").exitCode()).isEqualTo(1);
        assertThat(admin("reports", "resolve", "999").exitCode()).isEqualTo(1);
        assertThat(admin("reports", "note", reportId, " ").exitCode()).isEqualTo(1);
        assertThat(admin("reports", "resolve", "many").exitCode()).isEqualTo(2);

        List<Map<String, Object>> logged = db.queryForList("SELECT account_id, action, target_type, summary "
                + "FROM admin_action_logs WHERE target_id = ? ORDER BY id", reportId);
        assertThat(logged).extracting(row -> row.get("action"))
                .containsExactly("create_report_note", "resolve_report", "reopen_report");
        assertThat(logged).allSatisfy(row -> {
            assertThat(row.get("account_id")).isNull();
            assertThat(row.get("target_type")).isEqualTo("Report");
            assertThat((String) row.get("summary")).contains("troll");
        });
    }
}
