package social.tsubame.federation.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.account.Account;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.RemoteAccounts;
import social.tsubame.account.RemoteActorProfile;
import social.tsubame.account.Role;
import social.tsubame.core.PemKeys;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.status.EditLocalStatus;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Visibility;
import social.tsubame.testing.InboxSink;
import social.tsubame.testing.TsubameTest;

@TsubameTest
@TestPropertySource(properties = {
        "tsubame.federation.allowed-private-addresses=127.0.0.0/8",
        "tsubame.federation.http.response-timeout=2s",
        "tsubame.queues.push.base-backoff=200ms",
})
class DeliveryTest {

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    RemoteAccounts remoteAccounts;

    @Autowired
    PostStatus postStatus;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeOrderedIds ids;

    @Autowired
    DomainHealth health;

    @Autowired
    EditLocalStatus editLocalStatus;

    private final List<InboxSink> sinks = new ArrayList<>();
    private static int users;

    @AfterEach
    void closeSinks() {
        sinks.forEach(InboxSink::close);
    }

    private InboxSink sink(String address) {
        InboxSink sink = InboxSink.start(address);
        sinks.add(sink);
        return sink;
    }

    private Account author() {
        users++;
        return createLocalAccount.create(new CreateLocalAccount.Command("author" + users,
                "author" + users + "@example.org", "correct horse battery", Role.USER)).account();
    }

    /** Makes {@code count} accounts on the sink's server follow the author. */
    private void followersOn(InboxSink sink, Account author, int count) {
        String publicKey = PemKeys.generateRsa().publicKeyPem();
        for (int i = 0; i < count; i++) {
            String uri = sink.baseUrl() + "/users/follower" + i;
            long follower = remoteAccounts.upsert(new RemoteActorProfile(uri, "follower" + i, sink.domain(), "Person",
                    "", "", uri, uri + "/inbox", sink.baseUrl() + "/inbox", null, null, null, null, uri + "#main-key",
                    publicKey, false, false, false, false, List.of(), null, null, "[]"));
            jdbc.update("INSERT INTO follows (id, account_id, target_account_id) VALUES (?, ?, ?)", ids.next(),
                    follower, author.id());
        }
    }

    private void post(Account author, String text) {
        postStatus.post(new PostStatus.Command(author.id(), text, null, false, Visibility.PUBLIC, "en", null,
                List.of()));
    }

    @Test
    void anEditReachesFollowersAsAnUpdateOfTheNote() {
        Account author = author();
        InboxSink server = sink("127.0.0.27");
        followersOn(server, author, 2);
        Status status = postStatus.post(new PostStatus.Command(author.id(), "first words", null, false,
                Visibility.PUBLIC, "en", null, List.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> server.accepted().size() == 1);

        editLocalStatus.edit(new EditLocalStatus.Command(author.id(), status.id(), "better words", null, null, null));

        await().atMost(Duration.ofSeconds(20)).until(() -> server.accepted().size() == 2);
        String update = server.accepted().get(1).body();
        assertThat(update).contains("\"type\":\"Update\"").contains("better words").contains("\"updated\"");
    }

    @Test
    void followersOnThreeServersMakeThreeDeliveriesToTheirSharedInboxes() throws InterruptedException {
        Account author = author();
        List<InboxSink> servers = List.of(sink("127.0.0.21"), sink("127.0.0.22"), sink("127.0.0.23"));
        for (InboxSink server : servers) {
            followersOn(server, author, 25);
        }
        post(author, "Hello, three servers");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> servers.stream().allMatch(server -> !server.accepted().isEmpty()));
        Thread.sleep(1000);
        for (InboxSink server : servers) {
            assertThat(server.requestCount()).isEqualTo(1);
            InboxSink.Received delivery = server.accepted().getFirst();
            assertThat(delivery.path()).isEqualTo("/inbox");
            assertThat(delivery.body()).contains("\"type\":\"Create\"").contains("Hello, three servers");
            assertThat(delivery.signature()).contains("keyId=\"http://")
                    .contains("headers=\"(request-target) host date digest\"");
        }
    }

    @Test
    void aServerThatFailsThenRecoversGetsTheActivityOnce() throws InterruptedException {
        Account author = author();
        InboxSink flaky = sink("127.0.0.24");
        flaky.answer(n -> n <= 2 ? 500 : 202);
        followersOn(flaky, author, 3);
        post(author, "Eventually delivered");

        await().atMost(Duration.ofSeconds(30)).until(() -> flaky.accepted().size() == 1);
        Thread.sleep(1500);
        assertThat(flaky.accepted()).hasSize(1);
        assertThat(flaky.requestCount()).isEqualTo(3);
    }

    @Test
    void aSilentServerIsMarkedUnavailableWhileOthersKeepGettingDeliveries() throws InterruptedException {
        Account author = author();
        InboxSink silent = sink("127.0.0.25");
        silent.answer(n -> InboxSink.HANG);
        InboxSink healthy = sink("127.0.0.26");
        followersOn(silent, author, 2);
        followersOn(healthy, author, 2);
        // The silent server has not answered for a month: its next failure marks it unavailable.
        jdbc.update("INSERT INTO instances (domain, created_at, updated_at) VALUES (?, now() - interval '30 days', "
                + "now())", silent.domain());

        post(author, "First");
        await().atMost(Duration.ofSeconds(30)).until(() -> healthy.accepted().size() == 1);
        assertThat(silent.accepted()).as("the silent server still holds its request").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> health.isUnavailable(silent.domain()));

        int silentRequests = silent.requestCount();
        post(author, "Second");
        await().atMost(Duration.ofSeconds(30)).until(() -> healthy.accepted().size() == 2);
        Thread.sleep(1000);
        assertThat(silent.requestCount()).as("an unavailable server is skipped").isEqualTo(silentRequests);

        health.markAvailable(silent.domain());
        assertThat(health.isUnavailable(silent.domain())).isFalse();
    }

    @Test
    void successesAreWrittenOnceAMinuteButAlwaysAfterAFailure() {
        String domain = "steady.example";
        health.recordSuccess(domain);
        Timestamp first = jdbc.queryForObject("SELECT last_success_at FROM instances WHERE domain = ?",
                Timestamp.class, domain);
        health.recordSuccess(domain);
        assertThat(jdbc.queryForObject("SELECT last_success_at FROM instances WHERE domain = ?", Timestamp.class,
                domain)).as("not written again within the minute").isEqualTo(first);

        health.recordFailure(domain);
        assertThat(failures(domain)).isEqualTo(1);
        health.recordSuccess(domain);
        assertThat(failures(domain)).as("a success after a failure is written at once").isZero();
    }

    private int failures(String domain) {
        return jdbc.queryForObject("SELECT failure_count FROM instances WHERE domain = ?", Integer.class, domain);
    }
}
