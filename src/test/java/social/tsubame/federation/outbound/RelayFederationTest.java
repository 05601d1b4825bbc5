package social.tsubame.federation.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.federation.relay.AddRelay;
import social.tsubame.federation.relay.Relay;
import social.tsubame.federation.relay.Relays;
import social.tsubame.federation.relay.RemoveRelay;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import social.tsubame.status.Visibility;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.FakeRemoteServer;
import social.tsubame.testing.FakeRemoteServer.Actor;
import social.tsubame.testing.TestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A relay on loopback, played by a fake server with a real key: Tsubame follows it from its instance actor, takes
 * its answer, sends it public posts, and takes in the posts it passes on (LitePub's Announce, Mastodon's forwarded
 * Create) from their origin, without a boost by the relay.
 */
class RelayFederationTest {

    static TestServer tsubame;
    static FakeRemoteServer relayServer;
    static FakeRemoteServer origin;
    static Actor relayActor;
    static Actor olga;

    @BeforeAll
    static void start() {
        tsubame = TestServer.start("127.0.0.31");
        relayServer = FakeRemoteServer.start("127.0.0.32");
        origin = FakeRemoteServer.start("127.0.0.33");
        relayActor = relayServer.actor("relay");
        olga = origin.actor("olga");
    }

    @AfterAll
    static void stop() {
        tsubame.close();
        relayServer.close();
        origin.close();
    }

    @Test
    void aRelayIsFollowedAcceptedSentPublicPostsAndUndoneWhenRemoved() throws Exception {
        String inbox = relayServer.baseUrl() + "/inbox";
        Relay added = tsubame.bean(AddRelay.class).add(null, inbox);
        assertThat(added.state()).isEqualTo(Relay.State.PENDING);

        FakeRemoteServer.Received followPost = await().atMost(Duration.ofSeconds(30))
                .until(() -> activityPosted("Follow"), Optional::isPresent).orElseThrow();
        JsonNode follow = JsonMapper.shared().readTree(followPost.body());
        assertThat(follow.path("object").asString()).isEqualTo(JsonLdContext.PUBLIC_COLLECTION);
        assertThat(follow.path("actor").asString()).isEqualTo(tsubame.baseUrl() + "/actor");
        assertThat(follow.path("id").asString()).isEqualTo(added.followActivityId());
        assertThat(followPost.signature()).contains("keyId=\"" + tsubame.baseUrl() + "/actor#main-key\"");

        assertThat(sendAsRelay(Map.of("@context", JsonLdContext.ACTIVITY_STREAMS,
                "id", relayServer.baseUrl() + "/activities/accept-1", "type", "Accept", "actor", relayActor.uri(),
                "object", Map.of("id", added.followActivityId(), "type", "Follow",
                        "actor", tsubame.baseUrl() + "/actor", "object", JsonLdContext.PUBLIC_COLLECTION))))
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> stateOf(added) == Relay.State.ACCEPTED);
        assertThat(tsubame.bean(Relays.class).find(added.id()).orElseThrow().actorUri()).isEqualTo(relayActor.uri());

        Account alice = createUser("alice");
        Status unlisted = post(alice, "Only for those who look", Visibility.UNLISTED);
        Status open = post(alice, "Hello, relay", Visibility.PUBLIC);
        StatusDeliveries deliveries = tsubame.bean(StatusDeliveries.class);
        assertThat(deliveries.inboxes(open)).contains(inbox);
        assertThat(deliveries.inboxes(unlisted)).doesNotContain(inbox);
        await().atMost(Duration.ofSeconds(30)).until(() -> relayServer.postedTo("/inbox").stream()
                .anyMatch(p -> p.body().contains("\"Create\"") && p.body().contains(open.uri())));
        assertThat(relayServer.postedTo("/inbox")).noneMatch(p -> p.body().contains(unlisted.uri()));

        assertThat(tsubame.bean(RemoveRelay.class).remove(null, added.id())).isTrue();
        JsonNode undo = JsonMapper.shared().readTree(await().atMost(Duration.ofSeconds(30))
                .until(() -> activityPosted("Undo"), Optional::isPresent).orElseThrow().body());
        assertThat(undo.path("object").path("type").asString()).isEqualTo("Follow");
        assertThat(undo.path("object").path("id").asString()).isEqualTo(added.followActivityId());
        assertThat(tsubame.bean(Relays.class).find(added.id())).isEmpty();
    }

    @Test
    void postsARelayPassesOnComeFromTheirOriginIntoThePublicTimelineWithoutABoost() throws Exception {
        Relay relay = acceptedRelay("/relay-two/inbox");
        String announced = publishNote("announced", "Passed on by a LitePub relay");
        assertThat(sendAsRelay(Map.of("@context", JsonLdContext.ACTIVITY_STREAMS,
                "id", relayServer.baseUrl() + "/activities/announce-1", "type", "Announce",
                "actor", relayActor.uri(), "object", announced,
                "to", List.of(relayActor.uri() + "/followers")))).isEqualTo(202);

        Status status = await().atMost(Duration.ofSeconds(30))
                .until(() -> tsubame.bean(Statuses.class).findByUri(announced), Optional::isPresent).orElseThrow();
        Account olgaHere = tsubame.bean(Accounts.class).findByUri(olga.uri()).orElseThrow();
        assertThat(status.accountId()).isEqualTo(olgaHere.id());
        Account relayHere = tsubame.bean(Accounts.class).findByUri(relayActor.uri()).orElseThrow();
        assertThat(tsubame.bean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM statuses WHERE account_id = ?", Integer.class, relayHere.id())).isZero();
        JsonNode timeline = new ApiClient(tsubame.baseUrl()).get("/api/v1/timelines/public", null).json();
        assertThat(timeline.valueStream().map(s -> s.path("uri").asString()).toList()).contains(announced);

        // A Mastodon-style relay forwards the author's Create under its own signature: the post is fetched.
        String forwarded = publishNote("forwarded", "Forwarded by a Mastodon relay");
        assertThat(sendAsRelay(Map.of("@context", JsonLdContext.ACTIVITY_STREAMS,
                "id", forwarded + "/activity", "type", "Create", "actor", olga.uri(),
                "object", Map.of("id", forwarded, "type", "Note", "attributedTo", olga.uri(),
                        "content", "A copy the relay could have changed",
                        "to", List.of(JsonLdContext.PUBLIC_COLLECTION)))))
                .isEqualTo(202);
        Status fetched = await().atMost(Duration.ofSeconds(30))
                .until(() -> tsubame.bean(Statuses.class).findByUri(forwarded), Optional::isPresent).orElseThrow();
        assertThat(fetched.content()).contains("Forwarded by a Mastodon relay");
        tsubame.bean(RemoveRelay.class).remove(null, relay.id());
    }

    private static Relay acceptedRelay(String inboxPath) {
        Relay relay = tsubame.bean(AddRelay.class).add(null, relayServer.baseUrl() + inboxPath);
        tsubame.bean(JdbcTemplate.class).update("UPDATE relays SET state = 'accepted', actor_uri = ? WHERE id = ?",
                relayActor.uri(), relay.id());
        return relay;
    }

    private static String publishNote(String name, String content) {
        String path = "/users/olga/statuses/" + name;
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("@context", JsonLdContext.ACTIVITY_STREAMS);
        note.put("id", origin.baseUrl() + path);
        note.put("type", "Note");
        note.put("attributedTo", olga.uri());
        note.put("content", "<p>" + content + "</p>");
        note.put("published", Instant.now().toString());
        note.put("to", List.of(JsonLdContext.PUBLIC_COLLECTION));
        note.put("cc", List.of(olga.uri() + "/followers"));
        return origin.publish(path, note);
    }

    private static int sendAsRelay(Map<String, Object> activity) throws Exception {
        byte[] body = JsonMapper.shared().writeValueAsString(activity).getBytes(StandardCharsets.UTF_8);
        URI inbox = URI.create(tsubame.baseUrl() + "/inbox");
        return FakeRemoteServer.post(inbox, "application/activity+json", body,
                relayActor.cavageHeaders(inbox, body, Instant.now())).statusCode();
    }

    private static Optional<FakeRemoteServer.Received> activityPosted(String type) {
        return relayServer.postedTo("/inbox").stream()
                .filter(p -> JsonMapper.shared().readTree(p.body()).path("type").asString().equals(type))
                .findFirst();
    }

    private static Relay.State stateOf(Relay relay) {
        return tsubame.bean(Relays.class).find(relay.id()).map(Relay::state).orElse(null);
    }

    private static Account createUser(String username) {
        return tsubame.bean(CreateLocalAccount.class).create(new CreateLocalAccount.Command(username,
                username + "@example.org", "correct horse battery", Role.USER)).account();
    }

    private static Status post(Account author, String text, Visibility visibility) {
        return tsubame.bean(PostStatus.class).post(new PostStatus.Command(author.id(), text, null, false, visibility,
                "en", null, List.of()));
    }
}
