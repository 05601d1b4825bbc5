package social.tsubame.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.RemoteAccounts;
import social.tsubame.account.RemoteActorProfile;
import social.tsubame.account.Role;
import social.tsubame.core.PemKeys;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Visibility;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.InboxSink;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;

/** What suspending and silencing an account changes for others, here and on other servers. */
@TsubameTest
@TestPropertySource(properties = "tsubame.federation.allowed-private-addresses=127.0.0.0/8")
class ModerateAccountsTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    PostStatus postStatus;

    @Autowired
    SuspendAccount suspendAccount;

    @Autowired
    UnsuspendAccount unsuspendAccount;

    @Autowired
    SilenceAccount silenceAccount;

    @Autowired
    UnsilenceAccount unsilenceAccount;

    @Autowired
    AuditLog auditLog;

    @Autowired
    SensitizeAccount sensitizeAccount;

    @Autowired
    DisableLogin disableLogin;

    @Autowired
    EnableLogin enableLogin;

    @Autowired
    WarnAccount warnAccount;

    @Autowired
    DeleteStatusAsModerator deleteStatusAsModerator;

    @Autowired
    RemoteAccounts remoteAccounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeOrderedIds ids;

    private Account user(String name) {
        LocalUsers.ensure(createLocalAccount, accounts, name);
        return accounts.findLocal(name).orElseThrow();
    }

    private Status post(Account author, String text) {
        return postStatus.post(new PostStatus.Command(author.id(), text, null, false, Visibility.PUBLIC, "en", null,
                List.of()));
    }

    private static List<String> ids(ApiClient.Response timeline) {
        return timeline.json().valueStream().map(status -> status.get("id").asString()).toList();
    }

    private List<String> publicTimeline(ApiClient api, String token) {
        return ids(api.get("/api/v1/timelines/public?limit=40", token));
    }

    @Test
    void aSuspendedAccountsPostsProfileAndTokensStopWorkingUntilTheSuspensionIsLifted() {
        ApiClient api = new ApiClient(port);
        Account mallory = user("mallory");
        String token = api.userToken("mallory", LocalUsers.PASSWORD, "read write");
        Status status = post(mallory, "to be hidden");
        assertThat(api.get("/api/v1/statuses/" + status.id(), null).status()).isEqualTo(200);

        assertThat(suspendAccount.suspend(null, mallory.id())).isTrue();

        assertThat(api.get("/api/v1/statuses/" + status.id(), null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + mallory.id(), null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/verify_credentials", token).status()).isEqualTo(401);
        assertThat(suspendAccount.suspend(null, mallory.id())).isFalse();
        assertThat(auditLog.newest(null, 5)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("suspend");
            assertThat(entry.targetId()).isEqualTo(String.valueOf(mallory.id()));
            assertThat(entry.summary()).isEqualTo("mallory");
            assertThat(entry.actorAccountId()).isNull();
        });

        assertThat(unsuspendAccount.unsuspend(null, mallory.id())).isTrue();

        assertThat(api.get("/api/v1/statuses/" + status.id(), null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/accounts/verify_credentials", token).status()).isEqualTo(200);
        assertThat(auditLog.newest(null, 5)).anySatisfy(entry -> assertThat(entry.action()).isEqualTo("unsuspend"));
    }

    @Test
    void aSilencedAccountsPostsLeaveThePublicTimelineExceptForItsFollowers() {
        ApiClient api = new ApiClient(port);
        Account loud = user("loud");
        Account fan = user("loud_fan");
        user("stranger");
        jdbc.update("INSERT INTO follows (id, account_id, target_account_id) VALUES (?, ?, ?)", ids.next(),
                fan.id(), loud.id());
        String fanToken = api.userToken("loud_fan", LocalUsers.PASSWORD, "read");
        String strangerToken = api.userToken("stranger", LocalUsers.PASSWORD, "read");
        String id = String.valueOf(post(loud, "shouting #everywhere").id());
        assertThat(publicTimeline(api, null)).contains(id);

        silenceAccount.silence(null, loud.id());

        assertThat(publicTimeline(api, null)).doesNotContain(id);
        assertThat(publicTimeline(api, strangerToken)).doesNotContain(id);
        assertThat(ids(api.get("/api/v1/timelines/tag/everywhere", strangerToken)))
                .doesNotContain(id);
        assertThat(publicTimeline(api, fanToken)).contains(id);
        assertThat(api.get("/api/v1/statuses/" + id, null).status()).isEqualTo(200);
        assertThat(auditLog.newest(null, 5)).anySatisfy(entry -> assertThat(entry.action()).isEqualTo("silence"));

        unsilenceAccount.unsilence(null, loud.id());

        assertThat(publicTimeline(api, strangerToken)).contains(id);
    }

    @Test
    void aSuspendedLocalAccountIsDeletedOnOtherServersAndComesBackAsAnUpdate() {
        Account author = user("federated_suspect");
        try (InboxSink server = InboxSink.start("127.0.0.41")) {
            String uri = server.baseUrl() + "/users/watcher";
            long follower = remoteAccounts.upsert(new RemoteActorProfile(uri, "watcher", server.domain(), "Person",
                    "", "", uri, uri + "/inbox", server.baseUrl() + "/inbox", null, null, null, null,
                    uri + "#main-key", PemKeys.generateRsa().publicKeyPem(), false, false, false, false, List.of(),
                    null, null, "[]"));
            jdbc.update("INSERT INTO follows (id, account_id, target_account_id) VALUES (?, ?, ?)", ids.next(),
                    follower, author.id());

            suspendAccount.suspend(null, author.id());

            await().atMost(Duration.ofSeconds(20)).until(() -> server.accepted().size() == 1);
            assertThat(server.accepted().getFirst().body()).contains("\"type\":\"Delete\"")
                    .contains("/users/federated_suspect\"");

            unsuspendAccount.unsuspend(null, author.id());

            await().atMost(Duration.ofSeconds(20)).until(() -> server.accepted().size() == 2);
            assertThat(server.accepted().get(1).body()).contains("\"type\":\"Update\"");
        }
    }

    @Test
    void moderatorsMarkMediaSensitiveDisableLoginsWarnAndDeletePosts() {
        ApiClient api = new ApiClient(port);
        Account troll = user("troll");
        LocalUsers.ensure(createLocalAccount, accounts, "troll_moderator", Role.MODERATOR);
        Account moderator = accounts.findLocal("troll_moderator").orElseThrow();
        String token = api.userToken("troll", LocalUsers.PASSWORD, "read write");
        Status status = post(troll, "questionable picture");
        assertThat(api.get("/api/v1/statuses/" + status.id(), null).json().get("sensitive").asBoolean()).isFalse();

        assertThat(sensitizeAccount.sensitize(moderator.id(), troll.id())).isTrue();
        assertThat(api.get("/api/v1/statuses/" + status.id(), null).json().get("sensitive").asBoolean()).isTrue();

        assertThat(disableLogin.disable(moderator.id(), troll.id())).isTrue();
        assertThat(api.get("/api/v1/accounts/verify_credentials", token).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/statuses/" + status.id(), null).status()).isEqualTo(200);
        assertThat(enableLogin.enable(moderator.id(), troll.id())).isTrue();
        assertThat(api.get("/api/v1/accounts/verify_credentials", token).status()).isEqualTo(200);

        warnAccount.warn(new WarnAccount.Command(moderator.id(), troll.id(), "sensitive", "Mark your media", null));
        assertThat(jdbc.queryForObject("SELECT text FROM account_warnings WHERE target_account_id = ?",
                String.class, troll.id())).isEqualTo("Mark your media");

        deleteStatusAsModerator.delete(moderator.id(), status.id());
        assertThat(api.get("/api/v1/statuses/" + status.id(), null).status()).isEqualTo(404);

        assertThat(auditLog.newest(null, 10).stream().filter(entry -> Long.valueOf(moderator.id()).equals(entry.actorAccountId()))
                .map(AuditLog.Entry::action))
                .containsExactly("destroy_status", "warn", "enable", "disable", "sensitive");
    }
}
