package social.tsubame.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.federation.inbound.RemoteActors;
import social.tsubame.federation.inbound.RemoteStatuses;
import social.tsubame.moderation.FileReport;
import social.tsubame.moderation.Report;
import social.tsubame.moderation.Reports;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Visibility;
import social.tsubame.testing.TestServer;

/** A report its author asks to forward reaches the reported account's server, a second Tsubame, as a Flag. */
class ReportFederationTest {

    static TestServer a;
    static TestServer b;

    @BeforeAll
    static void start() {
        a = TestServer.start("127.0.0.4");
        b = TestServer.start("127.0.0.5");
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    private static Account createUser(TestServer server, String username) {
        return server.bean(CreateLocalAccount.class).create(new CreateLocalAccount.Command(username,
                username + "@example.org", "correct horse battery", Role.USER)).account();
    }

    private static Optional<Report> reportAbout(TestServer server, long targetId) {
        return server.bean(JdbcTemplate.class).queryForList("SELECT id FROM reports WHERE target_account_id = ?",
                Long.class, targetId).stream().findFirst().flatMap(id -> server.bean(Reports.class).findById(id));
    }

    @Test
    void aForwardedReportArrivesFromTheInstanceActorWithThePostsItNames() throws Exception {
        Account rita = createUser(a, "rita");
        Account bob = createUser(b, "bob");
        Status spam = b.bean(PostStatus.class).post(new PostStatus.Command(bob.id(), "Buy cheap watches", null,
                false, Visibility.PUBLIC, "en", null, List.of()));
        Account bobOnA = a.bean(RemoteActors.class).resolve(b.baseUrl() + "/users/bob");
        Status spamOnA = a.bean(RemoteStatuses.class).resolve(spam.uri()).orElseThrow();

        Report sent = a.bean(FileReport.class).file(new FileReport.Command(rita.id(), bobOnA.id(),
                List.of(spamOnA.id()), "Spam in every reply", "spam", List.of(), true));
        assertThat(sent.forwarded()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> reportAbout(b, bob.id()).isPresent());
        Report received = reportAbout(b, bob.id()).orElseThrow();
        assertThat(received.comment()).isEqualTo("Spam in every reply");
        assertThat(received.statusIds()).containsExactly(spam.id());
        assertThat(received.uri()).isEqualTo(a.baseUrl() + "/actor#reports/" + sent.id());
        Account reporter = b.bean(Accounts.class).findById(received.accountId()).orElseThrow();
        assertThat(reporter.domain()).isEqualTo(a.domain());
        assertThat(reporter.username()).as("the reporter stays unnamed: the server's own actor sent it")
                .isNotEqualTo("rita");
    }
}
