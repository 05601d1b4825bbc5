package social.tsubame.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static social.tsubame.testing.LocalUsers.PASSWORD;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.ApiClient.App;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The streaming API as server-sent events, for apps that read it over plain HTTP. */
@TsubameTest
// Quick heartbeats find the streams the tests closed, so that none is left open when the server stops.
@TestPropertySource(properties = {"tsubame.streaming.token-check-interval=300ms",
        "tsubame.streaming.heartbeat-interval=300ms"})
class EventStreamTest {

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
    String abel;
    String bea;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "abel", "bea");
        abel = api.userToken("abel", PASSWORD, "read write follow");
        bea = api.userToken("bea", PASSWORD, "read write follow");
    }

    @Test
    void thePublicStreamSendsNewPostsAsEvents() throws Exception {
        try (EventStream stream = EventStream.open(port, "/api/v1/streaming/public/local", null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            await().atMost(WAIT).until(() -> subscriptions.listeners(channels.local()) > 0);

            String posted = api.postJson("/api/v1/statuses", bea, Map.of("status", "over plain HTTP",
                    "visibility", "public")).json().get("id").asString();

            JsonNode status = JsonMapper.shared().readTree(stream.dataOf("update", WAIT).orElseThrow());
            assertThat(status.get("id").asString()).isEqualTo(posted);
            assertThat(status.get("content").asString()).contains("over plain HTTP");
        }
    }

    @Test
    void theUserStreamHearsOfFilterChangesAndAppliesTheFilters() throws Exception {
        String word = "word" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        api.postForm("/api/v1/accounts/" + accounts.findLocal("bea").orElseThrow().id() + "/follow", abel, Map.of());
        try (EventStream stream = EventStream.open(port, "/api/v1/streaming/user", abel)) {
            assertThat(stream.status()).isEqualTo(200);
            long abelId = accounts.findLocal("abel").orElseThrow().id();
            await().atMost(WAIT).until(() -> subscriptions.listeners(channels.home(abelId)) > 0
                    && subscriptions.listeners(channels.system(abelId)) > 0);

            api.postJson("/api/v2/filters", abel, Map.of("title", "Over HTTP", "context", List.of("home"),
                    "filter_action", "warn", "keywords_attributes", List.of(Map.of("keyword", word))));
            assertThat(stream.dataOf("filters_changed", WAIT)).contains("undefined");

            String warned = api.postJson("/api/v1/statuses", bea, Map.of("status", "see " + word,
                    "visibility", "public")).json().get("id").asString();
            JsonNode status = JsonMapper.shared().readTree(stream.dataOf("update", WAIT).orElseThrow());
            assertThat(status.get("id").asString()).isEqualTo(warned);
            assertThat(status.get("filtered").get(0).get("keyword_matches").get(0).asString()).isEqualTo(word);
        } finally {
            api.postForm("/api/v1/accounts/" + accounts.findLocal("bea").orElseThrow().id() + "/unfollow", abel,
                    Map.of());
        }
    }

    @Test
    void aStreamEndsOnceItsTokenIsRevoked() throws Exception {
        App app = api.registerApp("read");
        String verifier = "verifier-" + System.nanoTime() + "-0123456789abcdefghijklmnopqrstuvwxyz";
        String token = api.exchange(app, api.authorize(app, "bea", PASSWORD, "read", verifier), verifier).json()
                .get("access_token").asString();
        try (EventStream stream = EventStream.open(port, "/api/v1/streaming/public", token)) {
            assertThat(stream.status()).isEqualTo(200);
            api.postForm("/oauth/revoke", null, Map.of("token", token, "client_id", app.clientId(),
                    "client_secret", app.clientSecret()));

            assertThat(stream.ended(WAIT)).isTrue();
        }
    }

    @Test
    void aStreamTheCallerMayNotHaveIsRefusedWithItsStatus() throws Exception {
        try (EventStream anonymous = EventStream.open(port, "/api/v1/streaming/user", null)) {
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.body()).contains("\"error\"");
        }
        try (EventStream badToken = EventStream.open(port, "/api/v1/streaming/public", "nope")) {
            assertThat(badToken.status()).isEqualTo(401);
        }
        try (EventStream noTag = EventStream.open(port, "/api/v1/streaming/hashtag", bea)) {
            assertThat(noTag.status()).isEqualTo(400);
            assertThat(noTag.body()).contains("No tag for stream provided");
        }
        try (EventStream othersList = EventStream.open(port, "/api/v1/streaming/list?list=1", bea)) {
            assertThat(othersList.status()).isEqualTo(404);
        }
    }

    /** A response of server-sent events, read line by line as it arrives. */
    private static final class EventStream implements AutoCloseable {

        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        private EventStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reader = Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
        }

        static EventStream open(int port, String path, String token) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/event-stream").GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return new EventStream(HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofLines()));
        }

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        /** The whole body of a response that is not a stream. */
        String body() throws InterruptedException {
            StringBuilder body = new StringBuilder();
            String line;
            while ((line = lines.poll(2, TimeUnit.SECONDS)) != null) {
                body.append(line);
            }
            return body.toString();
        }

        /** The data of the next event of that name, skipping others and heartbeats. */
        Optional<String> dataOf(String event, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            boolean inEvent = false;
            while (true) {
                String line = lines.poll(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
                if (line == null) {
                    return Optional.empty();
                }
                if (line.startsWith("event:")) {
                    inEvent = line.substring("event:".length()).strip().equals(event);
                } else if (inEvent && line.startsWith("data:")) {
                    return Optional.of(line.substring("data:".length()).strip());
                }
            }
        }

        /** Whether the server ended the response within {@code wait}. */
        boolean ended(Duration wait) throws InterruptedException {
            return reader.join(wait);
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
