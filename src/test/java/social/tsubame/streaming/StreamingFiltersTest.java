package social.tsubame.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static social.tsubame.testing.LocalUsers.PASSWORD;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Filters on open sockets: apps are told of changes, and each viewer's filters act on what is streamed to them. */
@TsubameTest
class StreamingFiltersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    ChannelSubscriptions subscriptions;

    @Autowired
    StreamChannels channels;

    ApiClient api;
    String base;
    String wren;
    String yuki;
    String zeno;

    @BeforeEach
    void signIn() {
        base = "http://localhost:" + port;
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "wren", "yuki", "zeno");
        wren = api.userToken("wren", PASSWORD, "read write follow");
        yuki = api.userToken("yuki", PASSWORD, "read write follow");
        zeno = api.userToken("zeno", PASSWORD, "read write follow");
    }

    @Test
    void theUserStreamIsToldOfEveryChangeToTheFilters() throws Exception {
        try (StreamingClient socket = StreamingClient.connect(base, "?stream=user&access_token=" + wren)) {
            awaitListening(channels.system(accountId("wren")));

            String filterId = createFilter(wren, List.of("home"), "warn", uniqueWord(), null).get("id").asString();
            JsonNode changed = socket.next(event("filters_changed"), WAIT).orElseThrow();
            assertThat(changed.get("stream").toString()).isEqualTo("[\"user\"]");
            assertThat(changed.has("payload")).isFalse();

            String keywordId = api.postJson("/api/v2/filters/" + filterId + "/keywords", wren,
                    Map.of("keyword", uniqueWord())).json().get("id").asString();
            assertThat(socket.next(event("filters_changed"), WAIT)).isPresent();

            api.delete("/api/v2/filters/keywords/" + keywordId, wren);
            assertThat(socket.next(event("filters_changed"), WAIT)).isPresent();

            api.delete("/api/v2/filters/" + filterId, wren);
            assertThat(socket.next(event("filters_changed"), WAIT)).isPresent();
        }
    }

    @Test
    void aFilterThatExpiresIsAnnouncedWhenItExpiresAndStopsActing() throws Exception {
        String word = uniqueWord();
        try (StreamingClient socket = StreamingClient.connect(base, "?stream=user&access_token=" + wren)) {
            socket.send(Map.of("type", "subscribe", "stream", "public:local"));
            awaitListening(channels.local());
            awaitListening(channels.system(accountId("wren")));

            createFilter(wren, List.of("public"), "hide", word, 2);
            assertThat(socket.next(event("filters_changed"), WAIT)).as("on creation").isPresent();
            assertThat(socket.next(event("filters_changed"), Duration.ofSeconds(20))).as("on expiry").isPresent();

            String matching = post(yuki, "no longer hidden: " + word);
            assertThat(socket.next(update("public:local", matching), WAIT)).isPresent();
        }
    }

    @Test
    void aHidingFilterKeepsAStatusFromItsViewerButNotFromOthers() throws Exception {
        String word = uniqueWord();
        createFilter(wren, List.of("public"), "hide", word, null);
        try (StreamingClient filtering = StreamingClient.connect(base, "?stream=public:local&access_token=" + wren);
             StreamingClient other = StreamingClient.connect(base, "?stream=public:local&access_token=" + zeno)) {
            awaitListeners(channels.local(), 2);

            String hidden = post(yuki, "all about " + word);
            assertThat(other.next(update("public:local", hidden), WAIT)).isPresent();
            String later = post(yuki, "something else");

            List<JsonNode> seen = framesUntil(filtering, update("public:local", later));
            assertThat(seen).noneMatch(update("public:local", hidden));
        }
    }

    @Test
    void aWarningFilterPutsItsMatchesIntoItsViewersPayloadInItsContextOnly() throws Exception {
        String word = uniqueWord();
        api.postForm("/api/v1/accounts/" + accountId("yuki") + "/follow", wren, Map.of());
        String filterId = createFilter(wren, List.of("home"), "warn", word, null).get("id").asString();
        try (StreamingClient socket = StreamingClient.connect(base, "?stream=user&access_token=" + wren);
             StreamingClient other = StreamingClient.connect(base, "?stream=public:local&access_token=" + zeno)) {
            socket.send(Map.of("type", "subscribe", "stream", "public:local"));
            awaitListeners(channels.local(), 2);
            awaitListening(channels.home(accountId("wren")));

            String warned = post(yuki, "careful, " + word.toUpperCase() + " ahead");

            JsonNode home = payload(socket.next(update("user", warned), WAIT).orElseThrow());
            assertThat(home.get("filtered")).hasSize(1);
            assertThat(home.get("filtered").get(0).get("filter").get("id").asString()).isEqualTo(filterId);
            assertThat(home.get("filtered").get(0).get("filter").get("filter_action").asString()).isEqualTo("warn");
            assertThat(home.get("filtered").get(0).get("keyword_matches").get(0).asString()).isEqualTo(word);
            assertThat(home.get("content").asString()).contains("ahead");

            JsonNode elsewhere = payload(socket.next(update("public:local", warned), WAIT).orElseThrow());
            assertThat(elsewhere.get("filtered")).as("a home filter on the public stream").isEmpty();
            JsonNode others = payload(other.next(update("public:local", warned), WAIT).orElseThrow());
            assertThat(others.get("filtered")).isEmpty();
        } finally {
            api.postForm("/api/v1/accounts/" + accountId("yuki") + "/unfollow", wren, Map.of());
        }
    }

    @Test
    void aNewFilterActsOnASocketThatWasAlreadyOpen() throws Exception {
        String word = uniqueWord();
        try (StreamingClient socket = StreamingClient.connect(base, "?stream=user&access_token=" + wren);
             StreamingClient other = StreamingClient.connect(base, "?stream=public:local&access_token=" + zeno)) {
            socket.send(Map.of("type", "subscribe", "stream", "public:local"));
            awaitListeners(channels.local(), 2);
            String before = post(yuki, "before the filter: " + word);
            assertThat(socket.next(update("public:local", before), WAIT)).isPresent();

            createFilter(wren, List.of("public"), "hide", word, null);
            assertThat(socket.next(event("filters_changed"), WAIT)).isPresent();

            String hidden = post(yuki, "after the filter: " + word);
            assertThat(other.next(update("public:local", hidden), WAIT)).isPresent();
            String later = post(yuki, "unrelated");
            assertThat(framesUntil(socket, update("public:local", later)))
                    .noneMatch(update("public:local", hidden));
        }
    }

    @Test
    void aNotificationAboutAHiddenStatusIsNotStreamed() throws Exception {
        String word = uniqueWord();
        createFilter(wren, List.of("notifications"), "hide", word, null);
        try (StreamingClient socket = StreamingClient.connect(base,
                "?stream=user:notification&access_token=" + wren)) {
            awaitListening(channels.notifications(accountId("wren")));

            String hidden = post(yuki, "@wren have you seen " + word);
            String shown = post(yuki, "@wren have you seen this");

            List<JsonNode> seen = framesUntil(socket, notificationAbout(shown));
            assertThat(seen).noneMatch(notificationAbout(hidden));
            assertThat(socket.next(notificationAbout(hidden), Duration.ofSeconds(1))).isEmpty();
        }
    }

    private JsonNode createFilter(String token, List<String> context, String action, String keyword,
                                  Integer expiresIn) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Streaming " + keyword,
                "context", context, "filter_action", action,
                "keywords_attributes", List.of(Map.of("keyword", keyword, "whole_word", true))));
        if (expiresIn != null) {
            body.put("expires_in", expiresIn);
        }
        ApiClient.Response response = api.postJson("/api/v2/filters", token, body);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private String post(String token, String text) {
        return api.postJson("/api/v1/statuses", token, Map.of("status", text, "visibility", "public")).json()
                .get("id").asString();
    }

    private void awaitListening(String channel) {
        awaitListeners(channel, 1);
    }

    private void awaitListeners(String channel, int count) {
        await().atMost(WAIT).until(() -> subscriptions.listeners(channel) >= count);
    }

    private long accountId(String username) {
        return accounts.findLocal(username).orElseThrow().id();
    }

    /** The frames a socket receives up to and including the first that matches {@code last}. */
    private static List<JsonNode> framesUntil(StreamingClient socket, Predicate<JsonNode> last) throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        JsonNode found = socket.next(frame -> {
            seen.add(frame);
            return last.test(frame);
        }, WAIT).orElseThrow();
        assertThat(found).isNotNull();
        return seen;
    }

    private static Predicate<JsonNode> event(String name) {
        return frame -> name.equals(frame.path("event").asString(""));
    }

    private static Predicate<JsonNode> update(String stream, String statusId) {
        return frame -> "update".equals(frame.path("event").asString(""))
                && stream.equals(frame.path("stream").path(0).asString(""))
                && statusId.equals(payload(frame).path("id").asString());
    }

    private static Predicate<JsonNode> notificationAbout(String statusId) {
        return frame -> "notification".equals(frame.path("event").asString(""))
                && statusId.equals(payload(frame).path("status").path("id").asString());
    }

    private static JsonNode payload(JsonNode frame) {
        return JsonMapper.shared().readTree(frame.get("payload").asString());
    }

    private static String uniqueWord() {
        return "word" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
