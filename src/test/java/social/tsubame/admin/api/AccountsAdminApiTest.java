package social.tsubame.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.InstanceActorAccount;
import social.tsubame.account.Role;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Visibility;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

/** Mastodon's admin accounts API, used by a moderator. */
@TsubameTest
class AccountsAdminApiTest {

    private static final String SCOPES = "read admin:read:accounts admin:write:accounts";

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    PostStatus postStatus;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeOrderedIds ids;

    @Autowired
    InstanceActorAccount instanceActorAccount;

    ApiClient api;
    String moderator;
    Account target;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "acct_moderator", Role.MODERATOR);
        LocalUsers.ensure(createLocalAccount, accounts, "acct_target", "acct_other");
        moderator = api.userToken("acct_moderator", LocalUsers.PASSWORD, SCOPES);
        target = accounts.findLocal("acct_target").orElseThrow();
    }

    private JsonNode show(Account account) {
        return api.get("/api/v1/admin/accounts/" + account.id(), moderator).json();
    }

    @Test
    void onlyModeratorsListAccountsWithMastodonsFilters() {
        String user = api.userToken("acct_other", LocalUsers.PASSWORD, SCOPES);
        assertThat(api.get("/api/v1/admin/accounts", user).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/accounts", user).json().get("error").asString()).isNotBlank();

        ApiClient.Response listed = api.get("/api/v1/admin/accounts?local=true&username=acct_t", moderator);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().valueStream().map(account -> account.get("username").asString()).toList())
                .containsExactly("acct_target");
        JsonNode account = listed.json().get(0);
        assertThat(account.get("email").asString()).isEqualTo("acct_target@example.com");
        assertThat(account.get("approved").asBoolean()).isTrue();
        assertThat(account.get("suspended").asBoolean()).isFalse();
        assertThat(account.get("account").get("acct").asString()).isEqualTo("acct_target");
        assertThat(account.get("role").get("id").asString()).isEqualTo("-99");

        ApiClient.Response first = api.get("/api/v1/admin/accounts?local=true&limit=1", moderator);
        assertThat(first.json().size()).isEqualTo(1);
        assertThat(first.link()).contains("max_id=" + first.json().get(0).get("id").asString());
        assertThat(api.get("/api/v1/admin/accounts?email=acct_other%40", moderator).json().get(0)
                .get("username").asString()).isEqualTo("acct_other");
        assertThat(api.get("/api/v1/admin/accounts/123", moderator).status()).isEqualTo(404);

        assertThat(api.get("/api/v2/admin/accounts?origin=local&status=active&username=acct_t", moderator).json()
                .valueStream().map(found -> found.get("username").asString()).toList())
                .containsExactly("acct_target");
        assertThat(api.get("/api/v2/admin/accounts?origin=remote&username=acct_t", moderator).json().size())
                .isZero();
        assertThat(api.get("/api/v2/admin/accounts?status=gone", moderator).status()).isEqualTo(422);
    }

    @Test
    void actionsSilenceSuspendWarnAndResolveTheReportAndAreLifted() {
        long reportId = ids.next();
        jdbc.update("INSERT INTO reports (id, account_id, target_account_id, status_ids, comment, category) "
                + "VALUES (?, ?, ?, '{}', 'spam', 'spam')", reportId,
                accounts.findLocal("acct_other").orElseThrow().id(), target.id());

        ApiClient.Response silenced = api.postForm("/api/v1/admin/accounts/" + target.id() + "/action", moderator,
                Map.of("type", "silence", "text", "Too loud", "report_id", String.valueOf(reportId)));

        assertThat(silenced.status()).isEqualTo(200);
        assertThat(show(target).get("silenced").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT action_taken_at IS NOT NULL FROM reports WHERE id = ?",
                Boolean.class, reportId)).isTrue();
        assertThat(jdbc.queryForObject("SELECT text FROM account_warnings WHERE target_account_id = ? "
                + "AND report_id = ?", String.class, target.id(), reportId)).isEqualTo("Too loud");
        assertThat(jdbc.queryForList("SELECT action FROM admin_action_logs WHERE target_id IN (?, ?)", String.class,
                String.valueOf(target.id()), String.valueOf(reportId))).contains("silence", "warn", "resolve_report");
        assertThat(api.get("/api/v1/admin/accounts?silenced=true", moderator).json().valueStream()
                .map(account -> account.get("id").asString())).contains(String.valueOf(target.id()));
        String targetToken = api.userToken("acct_target", LocalUsers.PASSWORD, "read");
        JsonNode told = await().until(() -> api.get("/api/v1/notifications?types[]=moderation_warning", targetToken)
                .json().valueStream().filter(notification -> notification.path("moderation_warning").path("text")
                        .asString().equals("Too loud")).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(told.path("moderation_warning").path("action").asString()).isEqualTo("silence");
        assertThat(told.path("moderation_warning").path("target_account").path("id").asString())
                .isEqualTo(String.valueOf(target.id()));
        assertThat(told.path("account").path("id").asString()).isEqualTo(String.valueOf(target.id()));

        ApiClient.Response unsilenced = api.postForm("/api/v1/admin/accounts/" + target.id() + "/unsilence",
                moderator, Map.of());
        assertThat(unsilenced.json().get("silenced").asBoolean()).isFalse();

        assertThat(api.postForm("/api/v1/admin/accounts/" + target.id() + "/action", moderator,
                Map.of("type", "suspend")).status()).isEqualTo(200);
        assertThat(show(target).get("suspended").asBoolean()).isTrue();
        assertThat(api.postForm("/api/v1/admin/accounts/" + target.id() + "/unsuspend", moderator, Map.of())
                .json().get("suspended").asBoolean()).isFalse();

        ApiClient.Response bogus = api.postForm("/api/v1/admin/accounts/" + target.id() + "/action", moderator,
                Map.of("type", "obliterate"));
        assertThat(bogus.status()).isEqualTo(422);
        assertThat(bogus.json().get("error").asString()).contains("type");
        assertThat(api.postForm("/api/v1/admin/accounts/" + target.id() + "/approve", moderator, Map.of())
                .status()).isEqualTo(403);
    }

    @Test
    void aModeratorDeletesAStatus() {
        Status status = postStatus.post(new PostStatus.Command(target.id(), "against the rules", null, false,
                Visibility.PUBLIC, "en", null, List.of()));

        assertThat(api.delete("/api/v1/admin/statuses/" + status.id(), moderator).status()).isEqualTo(200);

        assertThat(api.get("/api/v1/statuses/" + status.id(), null).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/admin/statuses/" + status.id(), moderator).status()).isEqualTo(404);
    }

    @Test
    void moderatorsActOnlyOnAccountsTheyOutrank() {
        LocalUsers.ensure(createLocalAccount, accounts, "acct_admin", Role.ADMIN);
        LocalUsers.ensure(createLocalAccount, accounts, "acct_fellow", Role.MODERATOR);
        String admin = api.userToken("acct_admin", LocalUsers.PASSWORD, SCOPES);
        Account self = accounts.findLocal("acct_moderator").orElseThrow();
        Account fellow = accounts.findLocal("acct_fellow").orElseThrow();
        Account adminAccount = accounts.findLocal("acct_admin").orElseThrow();
        Account instanceActor = instanceActorAccount.get();

        for (Account untouchable : List.of(self, fellow, adminAccount, instanceActor)) {
            ApiClient.Response refused = api.postForm("/api/v1/admin/accounts/" + untouchable.id() + "/action",
                    moderator, Map.of("type", "suspend"));
            assertThat(refused.status()).as(untouchable.acct()).isEqualTo(403);
            assertThat(refused.json().get("error").asString()).isNotBlank();
            assertThat(show(untouchable).get("suspended").asBoolean()).isFalse();
        }
        assertThat(api.postForm("/api/v1/admin/accounts/" + fellow.id() + "/action", moderator,
                Map.of("type", "none", "text", "Be nicer")).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_warnings WHERE target_account_id = ?",
                Integer.class, fellow.id())).isZero();

        assertThat(api.postForm("/api/v1/admin/accounts/" + fellow.id() + "/action", admin,
                Map.of("type", "silence")).status()).isEqualTo(200);
        assertThat(show(fellow).get("silenced").asBoolean()).isTrue();
        assertThat(api.postForm("/api/v1/admin/accounts/" + instanceActor.id() + "/action", admin,
                Map.of("type", "silence")).status()).isEqualTo(403);
        api.postForm("/api/v1/admin/accounts/" + fellow.id() + "/unsilence", admin, Map.of());
    }

    @Test
    void onlyAnAdminDeletesAndOnlyASuspendedAccount() {
        LocalUsers.ensure(createLocalAccount, accounts, "acct_doomed");
        LocalUsers.ensure(createLocalAccount, accounts, "acct_admin", Role.ADMIN);
        String admin = api.userToken("acct_admin", LocalUsers.PASSWORD, SCOPES);
        Account doomed = accounts.findLocal("acct_doomed").orElseThrow();
        Status status = postStatus.post(new PostStatus.Command(doomed.id(), "last words", null, false,
                Visibility.PUBLIC, "en", null, List.of()));

        ApiClient.Response refused = api.delete("/api/v1/admin/accounts/" + doomed.id(), admin);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asString()).contains("suspended");

        api.postForm("/api/v1/admin/accounts/" + doomed.id() + "/action", moderator, Map.of("type", "suspend"));
        assertThat(api.delete("/api/v1/admin/accounts/" + doomed.id(), moderator).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/admin/accounts/" + doomed.id(), admin).status()).isEqualTo(200);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE account_id = ?", Integer.class,
                doomed.id())).isZero();
        assertThat(jdbc.queryForObject("SELECT deleted_at IS NOT NULL FROM statuses WHERE id = ?", Boolean.class,
                status.id())).isTrue();
        assertThat(api.postForm("/api/v1/admin/accounts/" + doomed.id() + "/unsuspend", moderator, Map.of())
                .json().get("suspended").asBoolean()).isTrue();
    }
}
