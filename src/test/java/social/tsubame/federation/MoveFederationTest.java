package social.tsubame.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.FollowAccount;
import social.tsubame.account.Follows;
import social.tsubame.account.MoveAccount;
import social.tsubame.account.Role;
import social.tsubame.account.SetAccountAliases;
import social.tsubame.core.ApiException;
import social.tsubame.federation.inbound.RemoteActors;
import social.tsubame.testing.TestServer;

/** An account moves from one server to another and its followers come along. */
class MoveFederationTest {

    static TestServer a;
    static TestServer b;

    @BeforeAll
    static void start() {
        a = TestServer.start("127.0.0.30");
        b = TestServer.start("127.0.0.31");
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    private static Account create(TestServer server, String username) {
        return server.bean(CreateLocalAccount.class).create(new CreateLocalAccount.Command(username,
                username + "@example.org", "correct horse battery", Role.USER)).account();
    }

    private static boolean follows(TestServer server, long followerId, long targetId) {
        return server.bean(Follows.class).findPair(followerId, targetId).isPresent();
    }

    @Test
    void aMoveFromBToAMovesTheFollowersOnA() throws Exception {
        Account alice = create(a, "alice");
        Account bob = create(b, "bob");
        Account newBob = create(a, "newbob");
        String bobUri = b.baseUrl() + "/users/bob";
        Account bobOnA = a.bean(RemoteActors.class).resolve(bobUri);
        a.bean(FollowAccount.class).follow(alice.id(), bobOnA.id(), true, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> follows(a, alice.id(), bobOnA.id()));
        Account aliceOnB = b.bean(Accounts.class).findByUri(a.baseUrl() + "/users/alice").orElseThrow();

        Account newBobOnB = b.bean(RemoteActors.class).fetch(a.baseUrl() + "/users/newbob");
        assertThatThrownBy(() -> b.bean(MoveAccount.class).move(bob.id(), newBobOnB.id(), bobUri))
                .as("a target that does not name the mover as an alias").isInstanceOf(ApiException.class);

        a.bean(SetAccountAliases.class).set(newBob.id(), List.of(bobUri));
        Account aliased = b.bean(RemoteActors.class).fetch(a.baseUrl() + "/users/newbob");
        b.bean(MoveAccount.class).move(bob.id(), aliased.id(), bobUri);

        await().atMost(Duration.ofSeconds(30)).until(() -> follows(a, alice.id(), newBob.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !follows(a, alice.id(), bobOnA.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !follows(b, aliceOnB.id(), bob.id()));
        assertThat(a.bean(Accounts.class).findById(bobOnA.id()).orElseThrow().movedToAccountId())
                .isEqualTo(newBob.id());
        assertThat(b.bean(Accounts.class).findById(bob.id()).orElseThrow().movedToAccountId())
                .isEqualTo(aliased.id());
    }
}
