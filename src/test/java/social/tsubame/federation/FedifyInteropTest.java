package social.tsubame.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.FollowAccount;
import social.tsubame.account.Follows;
import social.tsubame.account.Role;
import social.tsubame.federation.inbound.RemoteActors;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import social.tsubame.status.Visibility;
import social.tsubame.testing.NodeProject;
import social.tsubame.testing.TestServer;
import social.tsubame.timeline.HomeFeeds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tsubame federates with an independent implementation: a one-actor server built on Fedify
 * ({@code interop/fedify-peer}), run by Node 22 as a child process on its own loopback address. Both sides sign,
 * verify, fetch and deliver over real HTTP.
 */
class FedifyInteropTest {

    private static final NodeProject PEER = NodeProject.named("fedify-peer");
    private static final Path PEER_LOG = Path.of("target", "fedify-peer.log").toAbsolutePath();
    private static final String PEER_HOST = "127.0.0.51";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static TestServer tsubame;
    static Process peer;
    static String peerUrl;

    @BeforeAll
    static void start() throws Exception {
        PEER.install();
        tsubame = TestServer.start("127.0.0.50");
        int port = freePort();
        peerUrl = "http://" + PEER_HOST + ":" + port;
        Files.createDirectories(PEER_LOG.getParent());
        ProcessBuilder builder = PEER.run("peer.mjs").redirectErrorStream(true).redirectOutput(PEER_LOG.toFile());
        builder.environment().put("HOST", PEER_HOST);
        builder.environment().put("PORT", Integer.toString(port));
        peer = builder.start();
        Process started = peer;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            assertThat(started.isAlive()).as("the Fedify peer exited; see %s", PEER_LOG).isTrue();
            return peerState() != null;
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (peer != null) {
            peer.destroy();
            if (!peer.waitFor(10, TimeUnit.SECONDS)) {
                peer.destroyForcibly();
            }
        }
        if (tsubame != null) {
            tsubame.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(PEER_HOST))) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode peerState() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(peerUrl + "/control/state"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode control(String action, String parameter, String value) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(peerUrl + "/control/" + action
                + "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s (peer log: %s)", action, response.body(), PEER_LOG)
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Account createUser(String username) {
        return tsubame.bean(CreateLocalAccount.class).create(new CreateLocalAccount.Command(username,
                username + "@example.org", "correct horse battery", Role.USER)).account();
    }

    @Test
    void aTsubameUserFollowsTheFedifyActorAndReceivesItsNote() throws Exception {
        Account alice = createUser("alice");
        Account pat = tsubame.bean(RemoteActors.class).resolve(peerUrl + "/users/pat");
        assertThat(pat.domain()).isEqualTo(PEER_HOST + ":" + URI.create(peerUrl).getPort());
        assertThat(pat.inboxUrl()).isEqualTo(peerUrl + "/users/pat/inbox");

        tsubame.bean(FollowAccount.class).follow(alice.id(), pat.id(), true, false);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tsubame.bean(Follows.class).findPair(alice.id(), pat.id()).isPresent());
        assertThat(peerState().get("followers").values().stream().map(JsonNode::asString))
                .contains(tsubame.baseUrl() + "/users/alice");

        String noteId = control("post", "text", "Hello from Fedify & friends").get("id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> tsubame.bean(Statuses.class).findByUri(noteId)
                .map(note -> tsubame.bean(HomeFeeds.class).read(alice.id(), null, null, 40).contains(note.id()))
                .orElse(false));
        Status note = tsubame.bean(Statuses.class).findByUri(noteId).orElseThrow();
        assertThat(note.accountId()).isEqualTo(pat.id());
        assertThat(note.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(note.content()).contains("Hello from Fedify &amp; friends");
    }

    @Test
    void theFedifyActorFollowsATsubameUserAndReceivesItsPosts() throws Exception {
        Account bob = createUser("bob");
        String bobUri = tsubame.baseUrl() + "/users/bob";

        String followId = control("follow", "target", bobUri).get("id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> peerState().get("follows").values().stream()
                .anyMatch(follow -> follow.get("id").asString().equals(followId)
                        && follow.get("accepted").asBoolean()));
        Account pat = tsubame.bean(Accounts.class).findByUri(peerUrl + "/users/pat").orElseThrow();
        assertThat(tsubame.bean(Follows.class).findPair(pat.id(), bob.id())).isPresent();

        Status post = tsubame.bean(PostStatus.class).post(new PostStatus.Command(bob.id(),
                "Hello Fedify, from Tsubame", null, false, Visibility.PUBLIC, "en", null, List.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> peerState().get("notes").values().stream()
                .anyMatch(note -> note.get("id").asString().equals(post.uri())));
        List<JsonNode> received = peerState().get("notes").values().stream()
                .filter(note -> note.get("id").asString().equals(post.uri())).toList();
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().get("attributedTo").asString()).isEqualTo(bobUri);
        assertThat(received.getFirst().get("content").asString()).contains("Hello Fedify, from Tsubame");
    }
}
