package social.tsubame.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.AuthorizeFollowRequest;
import social.tsubame.account.BlockAccount;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.DeleteLocalAccount;
import social.tsubame.account.FollowAccount;
import social.tsubame.account.FollowState;
import social.tsubame.account.Follows;
import social.tsubame.account.FollowRequests;
import social.tsubame.account.RejectFollowRequest;
import social.tsubame.account.Role;
import social.tsubame.account.UnfollowAccount;
import social.tsubame.account.UpdateLocalProfile;
import social.tsubame.federation.inbound.RemoteActors;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import social.tsubame.status.Visibility;
import social.tsubame.testing.TestServer;

/** Two Tsubame servers on loopback follow each other's accounts over real, signed HTTP. */
class FollowFederationTest {

    static TestServer a;
    static TestServer b;

    @BeforeAll
    static void start() {
        a = TestServer.start("127.0.0.2");
        b = TestServer.start("127.0.0.3");
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    private static Account createUser(TestServer server, String username, boolean locked) {
        Account account = server.bean(CreateLocalAccount.class).create(new CreateLocalAccount.Command(username,
                username + "@example.org", "correct horse battery", Role.USER)).account();
        if (locked) {
            server.bean(JdbcTemplate.class).update("UPDATE accounts SET locked = true WHERE id = ?", account.id());
        }
        return server.bean(Accounts.class).findById(account.id()).orElseThrow();
    }

    /** The account of a user of {@code home} as {@code viewer} knows it, fetched over HTTP. */
    private static Account remote(TestServer viewer, TestServer home, String username) throws Exception {
        return viewer.bean(RemoteActors.class).resolve(home.baseUrl() + "/users/" + username);
    }

    private static boolean follows(TestServer server, long followerId, long targetId) {
        return server.bean(Follows.class).findPair(followerId, targetId).isPresent();
    }

    private static boolean requested(TestServer server, long followerId, long targetId) {
        return server.bean(FollowRequests.class).findPair(followerId, targetId).isPresent();
    }

    @Test
    void followingAnUnlockedRemoteAccountIsAcceptedAndCanBeUndone() throws Exception {
        Account alice = createUser(a, "alice", false);
        Account bob = createUser(b, "bob", false);
        Account bobOnA = remote(a, b, "bob");
        assertThat(bobOnA.domain()).isEqualTo(b.domain());
        assertThat(bobOnA.inboxUrl()).isEqualTo(b.baseUrl() + "/users/bob/inbox");

        assertThat(a.bean(FollowAccount.class).follow(alice.id(), bobOnA.id(), true, false))
                .isEqualTo(FollowState.REQUESTED);

        await().atMost(Duration.ofSeconds(30)).until(() -> follows(a, alice.id(), bobOnA.id()));
        Account aliceOnB = b.bean(Accounts.class).findByUri(a.baseUrl() + "/users/alice").orElseThrow();
        assertThat(follows(b, aliceOnB.id(), bob.id())).isTrue();
        String followUri = a.bean(Follows.class).findPair(alice.id(), bobOnA.id()).orElseThrow().uri();
        assertThat(followUri).as("both sides know the Follow by the id it was sent with")
                .startsWith(a.baseUrl() + "/users/alice#follows/")
                .isEqualTo(b.bean(Follows.class).findPair(aliceOnB.id(), bob.id()).orElseThrow().uri());
        assertThat(requested(a, alice.id(), bobOnA.id())).isFalse();

        a.bean(UnfollowAccount.class).unfollow(alice.id(), bobOnA.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> !follows(b, aliceOnB.id(), bob.id()));
        assertThat(follows(a, alice.id(), bobOnA.id())).isFalse();
    }

    @Test
    void aLockedAccountDecidesAndTheFollowerLearnsTheAnswer() throws Exception {
        Account carol = createUser(a, "carol", false);
        Account dave = createUser(b, "dave", true);
        Account erin = createUser(b, "erin", true);
        Account daveOnA = remote(a, b, "dave");
        Account erinOnA = remote(a, b, "erin");
        assertThat(daveOnA.locked()).isTrue();

        a.bean(FollowAccount.class).follow(carol.id(), daveOnA.id(), true, false);
        a.bean(FollowAccount.class).follow(carol.id(), erinOnA.id(), true, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> b.bean(Accounts.class)
                .findByUri(a.baseUrl() + "/users/carol").map(c -> requested(b, c.id(), dave.id())
                        && requested(b, c.id(), erin.id())).orElse(false));
        Account carolOnB = b.bean(Accounts.class).findByUri(a.baseUrl() + "/users/carol").orElseThrow();
        assertThat(follows(b, carolOnB.id(), dave.id())).isFalse();
        assertThat(requested(a, carol.id(), daveOnA.id())).isTrue();

        b.bean(AuthorizeFollowRequest.class).authorize(dave.id(), carolOnB.id());
        b.bean(RejectFollowRequest.class).reject(erin.id(), carolOnB.id());

        await().atMost(Duration.ofSeconds(30)).until(() -> follows(a, carol.id(), daveOnA.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !requested(a, carol.id(), erinOnA.id()));
        assertThat(follows(a, carol.id(), erinOnA.id())).isFalse();
        assertThat(follows(b, carolOnB.id(), dave.id())).isTrue();
    }

    @Test
    void aProfileChangeReachesTheServersOfFollowers() throws Exception {
        Account frank = createUser(a, "frank", false);
        Account grace = createUser(b, "grace", false);
        Account graceOnA = remote(a, b, "grace");
        a.bean(FollowAccount.class).follow(frank.id(), graceOnA.id(), true, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> follows(a, frank.id(), graceOnA.id()));

        b.bean(UpdateLocalProfile.class).update(grace.id(), new UpdateLocalProfile.Changes("Grace <3", "Tea & code",
                true, null, null, null, null, null, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> a.bean(Accounts.class).findById(graceOnA.id())
                .map(Account::displayName).orElse("").equals("Grace <3"));
        Account updated = a.bean(Accounts.class).findById(graceOnA.id()).orElseThrow();
        assertThat(updated.note()).isEqualTo("<p>Tea &amp; code</p>");
        assertThat(updated.locked()).isTrue();
    }

    @Test
    void aDeletedAccountDisappearsFromTheServersOfItsFollowers() throws Exception {
        Account henry = createUser(a, "henry", false);
        Account ivy = createUser(b, "ivy", false);
        Account ivyOnA = remote(a, b, "ivy");
        a.bean(FollowAccount.class).follow(henry.id(), ivyOnA.id(), true, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> follows(a, henry.id(), ivyOnA.id()));
        Status post = b.bean(PostStatus.class).post(new PostStatus.Command(ivy.id(), "Goodbye soon", null, false,
                Visibility.PUBLIC, "en", null, List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> a.bean(Statuses.class).findByUri(post.uri()).isPresent());

        b.bean(DeleteLocalAccount.class).delete("ivy");

        await().atMost(Duration.ofSeconds(30)).until(() -> a.bean(Accounts.class).findById(ivyOnA.id())
                .map(Account::suspended).orElse(false));
        assertThat(follows(a, henry.id(), ivyOnA.id())).isFalse();
        assertThat(a.bean(Statuses.class).findByUri(post.uri()).orElseThrow().isDeleted()).isTrue();
        assertThat(b.bean(Statuses.class).findById(post.id()).orElseThrow().isDeleted()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> b.bean(Follows.class).countFollowers(ivy.id()) == 0);
    }

    private static int blocksOn(TestServer server, long blockerId, long targetId) {
        return server.bean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM blocks WHERE account_id = ? AND target_account_id = ?", Integer.class,
                blockerId, targetId);
    }

    @Test
    void aBlockEndsFollowsOnBothServersAndCanBeLifted() throws Exception {
        Account jack = createUser(a, "jack", false);
        Account kim = createUser(b, "kim", false);
        Account kimOnA = remote(a, b, "kim");
        Account jackOnB = remote(b, a, "jack");
        a.bean(FollowAccount.class).follow(jack.id(), kimOnA.id(), true, false);
        b.bean(FollowAccount.class).follow(kim.id(), jackOnB.id(), true, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> follows(a, jack.id(), kimOnA.id())
                && follows(b, kim.id(), jackOnB.id()));

        a.bean(BlockAccount.class).block(jack.id(), kimOnA.id());

        await().atMost(Duration.ofSeconds(30)).until(() -> blocksOn(b, jackOnB.id(), kim.id()) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !follows(b, kim.id(), jackOnB.id())
                && !follows(b, jackOnB.id(), kim.id()));
        assertThat(follows(a, jack.id(), kimOnA.id())).isFalse();
        assertThat(follows(a, kimOnA.id(), jack.id())).isFalse();

        a.bean(BlockAccount.class).unblock(jack.id(), kimOnA.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> blocksOn(b, jackOnB.id(), kim.id()) == 0);
    }
}
