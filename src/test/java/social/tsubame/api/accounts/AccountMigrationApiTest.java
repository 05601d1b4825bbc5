package social.tsubame.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.AuthorizeFollowRequest;
import social.tsubame.account.BlockAccount;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.FollowAccount;
import social.tsubame.account.FollowRequests;
import social.tsubame.account.Follows;
import social.tsubame.account.MuteAccount;
import social.tsubame.federation.inbound.RemoteActors;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.FakeRemoteServer;
import social.tsubame.testing.FakeRemoteServer.Actor;
import social.tsubame.testing.InboxSink;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aliases, moving away and being told of a move, over the client API and real signed requests from fake remote
 * servers; the activities that go out are read where a remote follower's server would receive them.
 */
class AccountMigrationApiTest {

    static TestServer tsubame;
    static FakeRemoteServer remote;
    static InboxSink followersServer;
    static ApiClient api;

    @BeforeAll
    static void start() {
        tsubame = TestServer.start("127.0.0.80");
        remote = FakeRemoteServer.start("127.0.0.81");
        followersServer = InboxSink.start("127.0.0.82");
        api = new ApiClient(tsubame.baseUrl());
    }

    @AfterAll
    static void stop() {
        tsubame.close();
        remote.close();
        followersServer.close();
    }

    @Test
    void anAliasIsResolvedListedPublishedAndSentAsAnUpdateThenRemoved() throws Exception {
        Account alice = user("alice");
        String token = api.userToken("alice", LocalUsers.PASSWORD, "read write");
        remoteFollowerOf(alice, "carol");
        try (FakeRemoteServer newHome = FakeRemoteServer.start("127.0.0.83")) {
            Actor newAlice = newHome.actor("newalice");
            String handle = "newalice@" + newHome.domain();

            ApiClient.Response added = api.postJson("/api/v1/accounts/aliases", token, Map.of("acct", handle));

            assertThat(added.status()).isEqualTo(200);
            assertThat(added.json().get(0).path("acct").asString()).isEqualTo(handle);
            assertThat(added.json().get(0).path("uri").asString()).isEqualTo(newAlice.uri());
            assertThat(api.get("/api/v1/accounts/aliases", token).json().get(0).path("uri").asString())
                    .isEqualTo(newAlice.uri());
            assertThat(actorDocument("alice").path("alsoKnownAs").get(0).asString()).isEqualTo(newAlice.uri());
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered("Update").stream().anyMatch(update ->
                    update.path("object").path("alsoKnownAs").toString().contains(newAlice.uri())));

            ApiClient.Response removed = api.sendJson("DELETE", "/api/v1/accounts/aliases", token,
                    Map.of("acct", handle));

            assertThat(removed.status()).isEqualTo(200);
            assertThat(removed.json().isEmpty()).isTrue();
            assertThat(actorDocument("alice").path("alsoKnownAs").isEmpty()).isTrue();
            assertThat(api.sendJson("DELETE", "/api/v1/accounts/aliases", token, Map.of("acct", handle)).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void anAliasMustBeAnotherAccountThatCanBeFound() {
        user("amy");
        String token = api.userToken("amy", LocalUsers.PASSWORD, "read write");

        ApiClient.Response self = api.postJson("/api/v1/accounts/aliases", token, Map.of("acct", "amy"));
        ApiClient.Response nowhere = api.postJson("/api/v1/accounts/aliases", token,
                Map.of("acct", "nobody@127.0.0.84:9"));
        ApiClient.Response missing = api.postJson("/api/v1/accounts/aliases", token, Map.of());

        assertThat(self.status()).isEqualTo(422);
        assertThat(self.json().path("error").asString()).isNotBlank();
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(api.get("/api/v1/accounts/aliases", token).json().isEmpty()).isTrue();
    }

    @Test
    void movingAwayNeedsThePasswordAndTheTargetsAliasThenTellsFollowersAndMovesLocalOnes() throws Exception {
        Account dave = user("dave");
        Account erin = user("erin");
        Account kim = user("kim");
        Account lou = user("lou");
        String token = api.userToken("dave", LocalUsers.PASSWORD, "read write");
        tsubame.bean(FollowAccount.class).follow(erin.id(), dave.id(), true, false);
        tsubame.bean(BlockAccount.class).block(kim.id(), dave.id());
        tsubame.bean(MuteAccount.class).mute(lou.id(), dave.id(), false, Duration.ofDays(7));
        remoteFollowerOf(dave, "frank");
        String daveUri = tsubame.baseUrl() + "/users/dave";
        try (FakeRemoteServer newHome = FakeRemoteServer.start("127.0.0.83")) {
            Actor newDave = newHome.actor("newdave");
            String handle = "newdave@" + newHome.domain();

            ApiClient.Response wrongPassword = api.postJson("/api/v1/accounts/move", token,
                    Map.of("acct", handle, "current_password", "not the password"));
            ApiClient.Response notAnAlias = api.postJson("/api/v1/accounts/move", token,
                    Map.of("acct", handle, "current_password", LocalUsers.PASSWORD));

            assertThat(wrongPassword.status()).isEqualTo(422);
            assertThat(notAnAlias.status()).isEqualTo(422);
            assertThat(notAnAlias.json().path("error").asString()).contains("alias");
            assertThat(api.get("/api/v1/accounts/" + dave.id(), token).json().has("moved")).isFalse();

            newHome.setAlsoKnownAs(newDave, daveUri);
            ApiClient.Response moved = api.postJson("/api/v1/accounts/move", token,
                    Map.of("acct", handle, "current_password", LocalUsers.PASSWORD));

            assertThat(moved.status()).isEqualTo(200);
            assertThat(moved.json().path("moved").path("acct").asString()).isEqualTo(handle);
            assertThat(api.get("/api/v1/accounts/" + dave.id(), null).json().path("moved").path("uri").asString())
                    .isEqualTo(newDave.uri());
            assertThat(actorDocument("dave").path("movedTo").asString()).isEqualTo(newDave.uri());
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered("Move").stream().anyMatch(move ->
                    move.path("actor").asString().equals(daveUri) && move.path("object").asString().equals(daveUri)
                            && move.path("target").asString().equals(newDave.uri())));

            Account newDaveHere = tsubame.bean(Accounts.class).findByUri(newDave.uri()).orElseThrow();
            assertThat(tsubame.bean(FollowRequests.class).findPair(erin.id(), newDaveHere.id()))
                    .as("erin asked to follow the new account").isPresent();
            assertThat(tsubame.bean(Follows.class).findPair(erin.id(), dave.id())).isEmpty();
            JdbcTemplate jdbc = tsubame.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM blocks WHERE account_id = ? AND target_account_id = ?",
                    Integer.class, kim.id(), newDaveHere.id())).as("kim's block carried over").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM mutes WHERE account_id = ? AND target_account_id = ? "
                    + "AND NOT hide_notifications AND expires_at > now() + interval '6 days'", Integer.class, lou.id(),
                    newDaveHere.id())).as("lou's mute carried over, for the week it had left").isEqualTo(1);

            ApiClient.Response again = api.postJson("/api/v1/accounts/move", token,
                    Map.of("acct", handle, "current_password", LocalUsers.PASSWORD));
            assertThat(again.status()).isEqualTo(422);
        }
    }

    @Test
    void aMoveIsFollowedOnlyWhenTheTargetNamesTheOriginAsAnAlias() throws Exception {
        Account gina = user("gina");
        Actor oldHank = remote.actor("oldhank");
        Actor impostor = remote.actor("impostor");
        Actor newHank = remote.actor("newhank");
        remote.setAlsoKnownAs(newHank, oldHank.uri());
        Account oldHankHere = tsubame.bean(RemoteActors.class).resolve(oldHank.uri());
        tsubame.bean(FollowAccount.class).follow(gina.id(), oldHankHere.id(), true, false);
        tsubame.bean(AuthorizeFollowRequest.class).authorize(oldHankHere.id(), gina.id());

        deliver(oldHank, move(oldHank, impostor));
        await().atMost(Duration.ofSeconds(30)).until(() -> remote.documentRequestsOf(impostor) > 0);
        deliver(oldHank, move(oldHank, newHank));

        await().atMost(Duration.ofSeconds(30)).until(() -> accountOf(newHank)
                .flatMap(target -> tsubame.bean(FollowRequests.class).findPair(gina.id(), target.id()))
                .isPresent());
        assertThat(tsubame.bean(Follows.class).findPair(gina.id(), oldHankHere.id())).isEmpty();
        assertThat(accountOf(impostor).flatMap(target -> tsubame.bean(FollowRequests.class)
                .findPair(gina.id(), target.id()))).as("the Move to an account that does not name hank").isEmpty();
        JsonNode shown = api.get("/api/v1/accounts/" + oldHankHere.id(), null).json();
        assertThat(shown.path("moved").path("uri").asString()).isEqualTo(newHank.uri());
        assertThat(shown.path("moved").has("moved")).isFalse();
    }

    private static Account user(String name) {
        LocalUsers.ensure(tsubame.bean(CreateLocalAccount.class), tsubame.bean(Accounts.class), name);
        return tsubame.bean(Accounts.class).findLocal(name).orElseThrow();
    }

    /** A follower on another server, whose inbox is the followers' server's, follows the local account. */
    private static void remoteFollowerOf(Account local, String name) throws Exception {
        Actor follower = remote.actor(name);
        remote.setInbox(follower, followersServer.baseUrl() + "/inbox");
        deliver(follower, Map.of("@context", "https://www.w3.org/ns/activitystreams",
                "id", follower.uri() + "#follows/" + UUID.randomUUID(), "type", "Follow", "actor", follower.uri(),
                "object", tsubame.baseUrl() + "/users/" + local.username()));
        await().atMost(Duration.ofSeconds(30)).until(() -> accountOf(follower)
                .flatMap(account -> tsubame.bean(Follows.class).findPair(account.id(), local.id())).isPresent());
    }

    private static Map<String, Object> move(Actor from, Actor to) {
        return Map.of("@context", "https://www.w3.org/ns/activitystreams",
                "id", from.uri() + "#moves/" + UUID.randomUUID(), "type", "Move", "actor", from.uri(),
                "object", from.uri(), "target", to.uri());
    }

    private static void deliver(Actor from, Map<String, Object> activity) throws Exception {
        URI inbox = URI.create(tsubame.baseUrl() + "/inbox");
        byte[] body = JsonMapper.shared().writeValueAsBytes(activity);
        assertThat(FakeRemoteServer.post(inbox, "application/activity+json", body,
                from.cavageHeaders(inbox, body, Instant.now())).statusCode()).isEqualTo(202);
    }

    private static Optional<Account> accountOf(Actor actor) {
        return tsubame.bean(Accounts.class).findByUri(actor.uri());
    }

    private static List<JsonNode> delivered(String type) {
        return followersServer.accepted().stream().map(received -> JsonMapper.shared().readTree(received.body()))
                .filter(activity -> activity.path("type").asString("").equals(type)).toList();
    }

    private static JsonNode actorDocument(String username) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(tsubame.baseUrl() + "/users/" + username)).header("Accept", "application/activity+json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
