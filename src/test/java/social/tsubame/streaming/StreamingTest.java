package social.tsubame.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static social.tsubame.testing.LocalUsers.PASSWORD;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.account.Accounts;
import social.tsubame.account.BlockAccount;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.moderation.SilenceAccount;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.ApiClient.App;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TsubameTest
@TestPropertySource(properties = {"tsubame.streaming.token-check-interval=300ms", "tsubame.streaming.send-queue=16"})
class StreamingTest {

    private static final String ALL = "read write follow";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    BlockAccount blockAccount;

    @Autowired
    ChannelSubscriptions subscriptions;

    @Autowired
    SilenceAccount silenceAccount;

    @Autowired
    StreamChannels channels;

    @Autowired
    StreamPublisher publisher;

    ApiClient api;
    String base;
    String alice;
    String bob;
    String carol;

    @BeforeEach
    void signIn() {
        base = "http://localhost:" + port;
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "alice", "bob", "carol");
        alice = api.userToken("alice", PASSWORD, ALL);
        bob = api.userToken("bob", PASSWORD, ALL);
        carol = api.userToken("carol", PASSWORD, ALL);
    }

    @Test
    void aFollowerSeesNewPostsOnTheUserStream() throws Exception {
        api.postForm("/api/v1/accounts/" + accountId("alice") + "/follow", bob, Map.of());
        try (StreamingClient socket = StreamingClient.open(base, "", Map.of("Authorization", "Bearer " + bob))
                .join()) {
            socket.send(Map.of("type", "subscribe", "stream", "user"));
            awaitListening(channels.home(accountId("bob")));

            JsonNode posted = post(alice, "hello followers", "private");

            JsonNode frame = socket.next(event("update"), WAIT).orElseThrow();
            assertThat(frame.get("stream").toString()).isEqualTo("[\"user\"]");
            JsonNode status = JsonMapper.shared().readTree(frame.get("payload").asString());
            assertThat(status.get("id").asString()).isEqualTo(posted.get("id").asString());
            assertThat(status.get("content").asString()).contains("hello followers");
            assertThat(status.get("account").get("acct").asString()).isEqualTo("alice");

            api.delete("/api/v1/statuses/" + posted.get("id").asString(), alice);
            JsonNode deleted = socket.next(event("delete"), WAIT).orElseThrow();
            assertThat(deleted.get("payload").asString()).isEqualTo(posted.get("id").asString());
        }
    }

    @Test
    void aListStreamCarriesPostsOfItsMembersToItsOwnerOnly() throws Exception {
        api.postForm("/api/v1/accounts/" + accountId("carol") + "/follow", alice, Map.of());
        String list = api.postJson("/api/v1/lists", alice, Map.of("title", "Carol and co")).json().get("id")
                .asString();
        api.postJson("/api/v1/lists/" + list + "/accounts", alice, Map.of("account_ids",
                List.of(Long.toString(accountId("carol")))));
        assertThat(handshakeStatus("?stream=list&list=" + list + "&access_token=" + bob, Map.of())).isEqualTo(101);
        try (StreamingClient socket = StreamingClient.connect(base,
                "?stream=list&list=" + list + "&access_token=" + alice)) {
            awaitListening(channels.list(Long.parseLong(list)));

            JsonNode posted = post(carol, "for my listeners", "public");

            JsonNode frame = socket.next(event("update"), WAIT).orElseThrow();
            assertThat(frame.get("stream").toString()).isEqualTo("[\"list\",\"" + list + "\"]");
            assertThat(payloadId(frame)).isEqualTo(posted.get("id").asString());
        }
    }

    @Test
    void theNotificationStreamTellsOfANewFollower() throws Exception {
        try (StreamingClient socket = StreamingClient.connect(base,
                "?stream=user:notification&access_token=" + alice)) {
            awaitListening(channels.notifications(accountId("alice")));

            api.postForm("/api/v1/accounts/" + accountId("alice") + "/follow", bob, Map.of());

            JsonNode frame = socket.next(event("notification"), WAIT).orElseThrow();
            assertThat(frame.get("stream").toString()).isEqualTo("[\"user:notification\"]");
            JsonNode notification = JsonMapper.shared().readTree(frame.get("payload").asString());
            assertThat(notification.get("type").asString()).isEqualTo("follow");
            assertThat(notification.get("account").get("acct").asString()).isEqualTo("bob");
        }
    }

    @Test
    void thePublicStreamCarriesPublicPostsOnly() throws Exception {
        try (StreamingClient socket = StreamingClient.connect(base, "?stream=public")) {
            awaitListening(channels.federated());

            String followersOnly = post(alice, "not for everyone", "private").get("id").asString();
            String everyone = post(alice, "for everyone #streaming", "public").get("id").asString();

            JsonNode frame = socket.next(event("update"), WAIT).orElseThrow();
            assertThat(frame.get("stream").toString()).isEqualTo("[\"public\"]");
            assertThat(payloadId(frame)).isEqualTo(everyone);
            assertThat(socket.next(event("update"), Duration.ofSeconds(1))).isEmpty();
            assertThat(followersOnly).isNotEqualTo(everyone);
        }
    }

    @Test
    void publicStreamsLeaveOutAuthorsTheViewerBlocks() throws Exception {
        blockAccount.block(accountId("bob"), accountId("alice"));
        try (StreamingClient socket = StreamingClient.connect(base, "?stream=public:local&access_token=" + bob)) {
            awaitListening(channels.local());

            post(alice, "blocked voice", "public");
            String carols = post(carol, "carol speaks", "public").get("id").asString();

            assertThat(payloadId(socket.next(event("update"), WAIT).orElseThrow())).isEqualTo(carols);
            assertThat(socket.next(event("update"), Duration.ofSeconds(1))).isEmpty();
        } finally {
            blockAccount.unblock(accountId("bob"), accountId("alice"));
        }
    }

    @Test
    void publicStreamsLeaveOutSilencedAuthors() throws Exception {
        LocalUsers.ensure(createLocalAccount, accounts, "hushed");
        String hushed = api.userToken("hushed", PASSWORD, ALL);
        silenceAccount.silence(null, accountId("hushed"));
        try (StreamingClient socket = StreamingClient.connect(base, "?stream=public:local")) {
            awaitListening(channels.local());

            post(hushed, "nobody hears me", "public");
            String carols = post(carol, "carol is heard", "public").get("id").asString();

            assertThat(payloadId(socket.next(event("update"), WAIT).orElseThrow())).isEqualTo(carols);
            assertThat(socket.next(event("update"), Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void aTagStreamCarriesPostsWithTheTag() throws Exception {
        try (StreamingClient socket = StreamingClient.connect(base, "")) {
            socket.send(Map.of("type", "subscribe", "stream", "hashtag:local", "tag", "Cats"));
            awaitListening(channels.hashtag("cats", true));

            String tagged = post(alice, "look #cats", "public").get("id").asString();

            JsonNode frame = socket.next(event("update"), WAIT).orElseThrow();
            assertThat(frame.get("stream").toString()).isEqualTo("[\"hashtag:local\",\"Cats\"]");
            assertThat(payloadId(frame)).isEqualTo(tagged);
        }
    }

    @Test
    void aDirectMessageReachesTheDirectStreamsOfItsParticipantsOnlyAsAConversation() throws Exception {
        try (StreamingClient bobs = StreamingClient.connect(base, "?stream=direct&access_token=" + bob);
             StreamingClient carols = StreamingClient.connect(base, "?stream=direct&access_token=" + carol)) {
            awaitListening(channels.direct(accountId("bob")));
            awaitListening(channels.direct(accountId("carol")));

            String secret = post(alice, "@bob between us", "direct").get("id").asString();

            List<JsonNode> seen = new java.util.ArrayList<>();
            JsonNode frame = bobs.next(received -> {
                seen.add(received);
                return "conversation".equals(received.path("event").asString(""));
            }, WAIT).orElseThrow();
            assertThat(frame.get("stream").toString()).isEqualTo("[\"direct\"]");
            JsonNode conversation = JsonMapper.shared().readTree(frame.get("payload").asString());
            assertThat(conversation.get("last_status").get("id").asString()).isEqualTo(secret);
            assertThat(conversation.get("unread").asBoolean()).isTrue();
            assertThat(conversation.get("accounts").get(0).get("acct").asString()).isEqualTo("alice");
            assertThat(seen).as("as on Mastodon, no update on the direct stream").noneMatch(event("update"));

            String carolsOwn = post(alice, "@carol and now you", "direct").get("id").asString();
            JsonNode carolsFirst = carols.next(event("conversation"), WAIT).orElseThrow();
            assertThat(JsonMapper.shared().readTree(carolsFirst.get("payload").asString()).get("last_status")
                    .get("id").asString()).isEqualTo(carolsOwn);
        }
    }

    @Test
    void browsersMayPresentTheTokenAsTheProtocolWhichIsEchoed() throws Exception {
        try (StreamingClient socket = StreamingClient.open(base, "?stream=user", Map.of(), bob).join()) {
            assertThat(socket.subprotocol()).isEqualTo(bob);
            awaitListening(channels.home(accountId("bob")));
            String own = post(bob, "my own post", "public").get("id").asString();
            assertThat(payloadId(socket.next(event("update"), WAIT).orElseThrow())).isEqualTo(own);
        }
    }

    @Test
    void anInvalidTokenIsRefusedAtTheHandshake() {
        assertThat(handshakeStatus("?access_token=nope", Map.of())).isEqualTo(401);
        assertThat(handshakeStatus("", Map.of("Authorization", "Bearer nope"))).isEqualTo(401);
        assertThat(handshakeStatus("", Map.of(), "nope")).isEqualTo(401);
    }

    @Test
    void theUserStreamNeedsAToken() throws Exception {
        try (StreamingClient socket = StreamingClient.connect(base, "?stream=user")) {
            JsonNode error = socket.next(frame -> frame.has("error"), WAIT).orElseThrow();
            assertThat(error.get("status").asInt()).isEqualTo(401);
            assertThat(socket.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void anUnsubscribedStreamLeavesTheOtherSocketsOfItsChannelListening() throws Exception {
        String channel = channels.hashtag("leaving", false);
        try (StreamingClient staying = StreamingClient.connect(base, "?stream=hashtag&tag=leaving");
             StreamingClient leaving = StreamingClient.connect(base, "?stream=hashtag&tag=leaving")) {
            await().atMost(WAIT).until(() -> subscriptions.listeners(channel) == 2);

            leaving.send(Map.of("type", "unsubscribe", "stream", "hashtag", "tag", "leaving"));
            await().atMost(WAIT).until(() -> subscriptions.listeners(channel) == 1);
            staying.close();

            await().atMost(WAIT).until(() -> subscriptions.listeners(channel) == 0);
        }
    }

    @Test
    void aMessageFarLongerThanASubscribeClosesTheSocketAsTooBig() throws Exception {
        try (StreamingClient socket = StreamingClient.connect(base, "?stream=public&access_token=" + bob)) {
            socket.send(Map.of("type", "subscribe", "stream", "hashtag", "tag",
                    "x".repeat(StreamingConfiguration.INCOMING_MESSAGE_BUFFER)));

            assertThat(socket.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1009);
        }
    }

    @Test
    void aSocketClosesOnceItsTokenIsRevoked() throws Exception {
        App app = api.registerApp(ALL);
        String verifier = "verifier-" + System.nanoTime() + "-0123456789abcdefghijklmnopqrstuvwxyz";
        String code = api.authorize(app, "bob", PASSWORD, ALL, verifier);
        String token = api.exchange(app, code, verifier).json().get("access_token").asString();
        try (StreamingClient socket = StreamingClient.connect(base, "?stream=user&access_token=" + token)) {
            api.postForm("/oauth/revoke", null, Map.of("token", token, "client_id", app.clientId(),
                    "client_secret", app.clientSecret()));

            assertThat(socket.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void aClientThatDoesNotReadIsDisconnected() throws Exception {
        WebSocket stalled = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/api/v1/streaming?stream=public:remote"),
                        new WebSocket.Listener() {
                            @Override
                            public void onOpen(WebSocket socket) {
                                // asks for no frames: the server's writes back up
                            }
                        }).join();
        try {
            String channel = channels.remote();
            awaitListening(channel);
            String big = "x".repeat(256 * 1024);
            for (int i = 0; i < 200 && subscriptions.listeners(channel) > 0; i++) {
                publisher.publish(new StreamEvent(StreamEvent.DELETE, big), List.of(channel));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> subscriptions.listeners(channel) == 0);
        } finally {
            stalled.abort();
        }
    }

    private void awaitListening(String channel) {
        await().atMost(WAIT).until(() -> subscriptions.listeners(channel) > 0);
    }

    private int handshakeStatus(String query, Map<String, String> headers, String... subprotocols) {
        try {
            StreamingClient.open(base, query, headers, subprotocols).join().close();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private JsonNode post(String token, String text, String visibility) {
        return api.postJson("/api/v1/statuses", token, Map.of("status", text, "visibility", visibility)).json();
    }

    private long accountId(String username) {
        return accounts.findLocal(username).orElseThrow().id();
    }

    private static Predicate<JsonNode> event(String name) {
        return frame -> name.equals(frame.path("event").asString(""));
    }

    private static String payloadId(JsonNode frame) {
        return JsonMapper.shared().readTree(frame.get("payload").asString()).get("id").asString();
    }
}
