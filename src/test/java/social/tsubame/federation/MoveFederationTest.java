package social.tsubame.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.FollowAccount;
import social.tsubame.account.Follows;
import social.tsubame.federation.inbound.RemoteActors;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TestServer;

/**
 * An account moves from one Tsubame to another through the client API: the new account names the old one as an
 * alias (found with WebFinger), the old one moves, and its followers on the other server come along.
 */
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
        LocalUsers.ensure(server.bean(CreateLocalAccount.class), server.bean(Accounts.class), username);
        return server.bean(Accounts.class).findLocal(username).orElseThrow();
    }

    private static boolean follows(TestServer server, long followerId, long targetId) {
        return server.bean(Follows.class).findPair(followerId, targetId).isPresent();
    }

    @Test
    void aMoveFromBToAMovesTheFollowersOnA() throws Exception {
        Account alice = create(a, "alice");
        Account bob = create(b, "bob");
        Account newBob = create(a, "newbob");
        Account bobOnA = a.bean(RemoteActors.class).resolve(b.baseUrl() + "/users/bob");
        a.bean(FollowAccount.class).follow(alice.id(), bobOnA.id(), true, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> follows(a, alice.id(), bobOnA.id()));
        Account aliceOnB = b.bean(Accounts.class).findByUri(a.baseUrl() + "/users/alice").orElseThrow();
        ApiClient apiOfA = new ApiClient(a.baseUrl());
        ApiClient apiOfB = new ApiClient(b.baseUrl());
        String newBobToken = apiOfA.userToken("newbob", LocalUsers.PASSWORD, "read write");
        String bobToken = apiOfB.userToken("bob", LocalUsers.PASSWORD, "read write");
        Map<String, String> move = Map.of("acct", "newbob@" + a.domain(), "current_password", LocalUsers.PASSWORD);

        assertThat(apiOfB.postJson("/api/v1/accounts/move", bobToken, move).status())
                .as("newbob does not name bob as an alias yet").isEqualTo(422);

        assertThat(apiOfA.postJson("/api/v1/accounts/aliases", newBobToken, Map.of("acct", "bob@" + b.domain()))
                .status()).isEqualTo(200);
        ApiClient.Response moved = apiOfB.postJson("/api/v1/accounts/move", bobToken, move);

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("moved").path("acct").asString()).isEqualTo("newbob@" + a.domain());
        await().atMost(Duration.ofSeconds(30)).until(() -> follows(a, alice.id(), newBob.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !follows(a, alice.id(), bobOnA.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !follows(b, aliceOnB.id(), bob.id()));
        assertThat(apiOfA.get("/api/v1/accounts/" + bobOnA.id(), null).json().path("moved").path("acct").asString())
                .isEqualTo("newbob");
    }
}
