package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.instance.ServerRules;
import social.tsubame.moderation.Reports;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Visibility;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

/** Users report an account and some of its posts; what does not fit is refused whole. */
@TsubameTest
class ReportsApiTest {

    /** The fields of Mastodon's Report entity. */
    private static final List<String> REPORT = List.of("id", "action_taken", "action_taken_at", "category",
            "comment", "forwarded", "created_at", "status_ids", "rule_ids", "target_account");

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    PostStatus postStatus;

    @Autowired
    ServerRules rules;

    @Autowired
    Reports reports;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String rita;
    Account ritaAccount;
    Account tom;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "rita_reporter", "tom_target");
        ritaAccount = accounts.findLocal("rita_reporter").orElseThrow();
        tom = accounts.findLocal("tom_target").orElseThrow();
        rita = api.userToken("rita_reporter", LocalUsers.PASSWORD, "read write");
    }

    private long post(Account author, String text) {
        return postStatus.post(new PostStatus.Command(author.id(), text, null, false, Visibility.PUBLIC, "en", null,
                List.of())).id();
    }

    private int reportsAboutTom() {
        return jdbc.queryForObject("SELECT count(*) FROM reports WHERE target_account_id = ?", Integer.class,
                tom.id());
    }

    @Test
    void aReportOfAnAccountAndItsPostsIsStoredAndShownAsMastodonDoes() {
        long spam = post(tom, "Buy cheap watches");
        post(tom, "Hello");
        Map<String, Object> body = new HashMap<>();
        body.put("account_id", Long.toString(tom.id()));
        body.put("status_ids", List.of(Long.toString(spam)));
        body.put("comment", "Spam links in every reply");
        body.put("category", "spam");
        body.put("forward", true);

        ApiClient.Response response = api.postJson("/api/v1/reports", rita, body);

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.path("action_taken").asBoolean()).isFalse();
        assertThat(report.path("action_taken_at").isNull()).isTrue();
        assertThat(report.path("category").asString()).isEqualTo("spam");
        assertThat(report.path("comment").asString()).isEqualTo("Spam links in every reply");
        assertThat(report.path("forwarded").asBoolean()).as("a local account has nowhere to be forwarded").isFalse();
        assertThat(report.path("status_ids").valueStream().map(JsonNode::asString)).containsExactly(
                Long.toString(spam));
        assertThat(report.path("rule_ids").isArray()).isTrue();
        assertThat(report.path("created_at").asString()).isNotBlank();
        assertThat(report.path("target_account").path("id").asString()).isEqualTo(Long.toString(tom.id()));
        assertThat(report.propertyNames()).containsAll(REPORT);

        var stored = reports.findById(Long.parseLong(report.path("id").asString())).orElseThrow();
        assertThat(stored.accountId()).isEqualTo(ritaAccount.id());
        assertThat(stored.uri()).isNull();
    }

    @Test
    void moderatorsAreToldOfALocalReportWithTheReportInTheNotification() {
        LocalUsers.ensure(createLocalAccount, accounts, "nora_moderator", Role.MODERATOR);
        String nora = api.userToken("nora_moderator", LocalUsers.PASSWORD, "read");
        String id = api.postJson("/api/v1/reports", rita, Map.of("account_id", Long.toString(tom.id()),
                "comment", "Tell the moderators")).json().path("id").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/notifications?types[]=admin.report",
                nora).json().valueStream().anyMatch(n -> n.path("report").path("id").asString().equals(id)));
        JsonNode notification = api.get("/api/v1/notifications?types[]=admin.report", nora).json().valueStream()
                .filter(n -> n.path("report").path("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(notification.path("type").asString()).isEqualTo("admin.report");
        assertThat(notification.path("account").path("id").asString()).isEqualTo(Long.toString(ritaAccount.id()));
        assertThat(notification.path("report").propertyNames()).containsAll(REPORT);
        assertThat(notification.path("report").path("comment").asString()).isEqualTo("Tell the moderators");
    }

    @Test
    void namingRulesMakesAReportAViolationOfThem() {
        ServerRules.Rule rule = rules.add("Be kind", null);
        ApiClient.Response response = api.postForm("/api/v1/reports", rita, Map.of(
                "account_id", Long.toString(tom.id()), "rule_ids[]", Long.toString(rule.id()),
                "category", "other"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("category").asString()).isEqualTo("violation");
        assertThat(response.json().path("rule_ids").valueStream().map(JsonNode::asString))
                .containsExactly(Long.toString(rule.id()));
        rules.remove(rule.id());
    }

    @Test
    void badInputIsRefusedWithAJsonErrorAndStoresNothing() {
        long ritasOwn = post(ritaAccount, "My own post");
        long tomsPost = post(tom, "Tom's post");
        int before = reportsAboutTom();

        Map<String, Object> othersStatus = new HashMap<>();
        othersStatus.put("account_id", Long.toString(tom.id()));
        othersStatus.put("status_ids", List.of(Long.toString(tomsPost), Long.toString(ritasOwn)));
        ApiClient.Response notTheTargets = api.postJson("/api/v1/reports", rita, othersStatus);
        assertThat(notTheTargets.status()).isEqualTo(422);
        assertThat(notTheTargets.json().path("error").asString()).contains("status_ids");

        assertThat(api.postJson("/api/v1/reports", rita, Map.of("account_id", Long.toString(tom.id()),
                "category", "rude")).status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/reports", rita, Map.of("account_id", Long.toString(tom.id()),
                "rule_ids", List.of("12345"))).status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/reports", rita, Map.of("account_id", Long.toString(tom.id()),
                "comment", "x".repeat(1001))).status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/reports", rita, Map.of("comment", "who?")).status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/reports", rita, Map.of("account_id", "tom")).status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/reports", rita, Map.of("account_id", Long.toString(ritaAccount.id())))
                .status()).isEqualTo(422);
        ApiClient.Response unknown = api.postJson("/api/v1/reports", rita, Map.of("account_id", "999999"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asString()).isNotBlank();

        assertThat(reportsAboutTom()).isEqualTo(before);
    }

    @Test
    void reportingNeedsTheReportsScope() {
        String readOnly = api.userToken("rita_reporter", LocalUsers.PASSWORD, "read");
        assertThat(api.postJson("/api/v1/reports", readOnly, Map.of("account_id", Long.toString(tom.id())))
                .status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/reports", null, Map.of("account_id", Long.toString(tom.id())))
                .status()).isEqualTo(401);
    }
}
