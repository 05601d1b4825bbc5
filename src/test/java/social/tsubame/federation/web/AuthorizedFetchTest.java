package social.tsubame.federation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.federation.signature.CavageSigner;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Visibility;
import social.tsubame.testing.FakeRemoteServer;
import social.tsubame.testing.TestServer;

/** With AUTHORIZED_FETCH on, documents go only to signed requests of servers we federate with. */
class AuthorizedFetchTest {

    static TestServer server;
    static FakeRemoteServer remote;
    static FakeRemoteServer.Actor zoe;

    static Account alice;

    @BeforeAll
    static void start() {
        server = TestServer.start("127.0.0.40", "--tsubame.federation.authorized-fetch=true");
        alice = server.bean(CreateLocalAccount.class).create(new CreateLocalAccount.Command("alice",
                "alice@example.org", "correct horse battery", Role.USER)).account();
        remote = FakeRemoteServer.start("127.0.0.41");
        zoe = remote.actor("zoe");
    }

    @AfterAll
    static void stop() {
        remote.close();
        server.close();
    }

    private static int get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Accept", "application/activity+json");
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, String> signedAs(FakeRemoteServer.Actor actor, String path) {
        return new CavageSigner().sign("GET", URI.create(server.baseUrl() + path), new byte[0], actor.signingKey(),
                Instant.now());
    }

    @Test
    void unsignedFetchesOfAccountsAreRefused() throws Exception {
        assertThat(get("/users/alice", Map.of())).isEqualTo(401);
        assertThat(get("/users/alice/outbox", Map.of())).isEqualTo(401);
        assertThat(get("/users/alice", Map.of("Signature", "keyId=\"x\",signature=\"bm9wZQ==\""))).isEqualTo(401);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/users/alice")).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).as("plain JSON").isEqualTo(401);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/%75sers/alice")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("no Accept, encoded path").isNotEqualTo(200);
    }

    @Test
    void atTheProfilePagesAddressOnlyJsonNeedsASignature() throws Exception {
        assertThat(get("/@alice", Map.of())).isEqualTo(401);
        assertThat(get("/%40alice", Map.of())).as("encoded path").isEqualTo(401);
        assertThat(get("/@alice", signedAs(zoe, "/@alice"))).isEqualTo(200);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                server.baseUrl() + "/@alice")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void signedFetchesOfAFederatingServerAreServed() throws Exception {
        assertThat(get("/users/alice", signedAs(zoe, "/users/alice"))).isEqualTo(200);
        assertThat(get("/users/alice/followers", signedAs(zoe, "/users/alice/followers"))).isEqualTo(200);
        assertThat(get("/users/alice", signedAs(zoe.withUnpublishedKey(), "/users/alice"))).isEqualTo(401);
    }

    @Test
    void theServerActorAndDiscoveryStayPublic() throws Exception {
        assertThat(get("/actor", Map.of())).isEqualTo(200);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/.well-known/webfinger?resource=acct:alice@" + server.domain())).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    @Test
    void aFollowersOnlyPostGoesToSignedFollowersOnly() throws Exception {
        Status secret = server.bean(PostStatus.class).post(new PostStatus.Command(alice.id(), "for followers",
                null, false, Visibility.PRIVATE, "en", null, List.of()));
        String path = URI.create(secret.uri()).getPath();
        assertThat(get(path, signedAs(zoe, path))).as("not a follower").isEqualTo(404);

        Account zoeHere = server.bean(Accounts.class).findByUri(zoe.uri()).orElseThrow();
        server.bean(JdbcTemplate.class).update("INSERT INTO follows (id, account_id, target_account_id) "
                + "VALUES (?, ?, ?)", server.bean(TimeOrderedIds.class).next(), zoeHere.id(), alice.id());
        assertThat(get(path, signedAs(zoe, path))).as("a follower").isEqualTo(200);
        assertThat(get(path, signedAs(zoe.withUnpublishedKey(), path))).isEqualTo(401);
    }
}
