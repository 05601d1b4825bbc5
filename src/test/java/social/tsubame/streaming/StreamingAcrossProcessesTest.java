package social.tsubame.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.TestServer;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A post made through one process reaches a socket on a streaming-only process sharing the database and Redis:
 * what a deployment with separate {@code web}, {@code worker} and {@code streaming} services does.
 */
@TsubameTest
class StreamingAcrossProcessesTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Environment environment;

    @Test
    void aPostThroughOneProcessReachesASocketOnAnother() throws Exception {
        createLocalAccount.create(new CreateLocalAccount.Command("dana", "dana@example.com", PASSWORD, Role.USER));
        ApiClient api = new ApiClient(port);
        String token = api.userToken("dana", PASSWORD, "read write");
        try (TestServer streaming = TestServer.start("127.0.0.1", "--spring.profiles.active=streaming",
                sharing("spring.datasource.url"), sharing("spring.datasource.username"),
                sharing("spring.data.redis.url"), sharing("tsubame.redis.namespace"),
                sharing("tsubame.local-domain"));
             StreamingClient socket = StreamingClient.connect(streaming.baseUrl(),
                     "?stream=public&access_token=" + token)) {
            String channel = streaming.bean(StreamChannels.class).federated();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> streaming.bean(ChannelSubscriptions.class).listeners(channel) > 0);

            String posted = api.postJson("/api/v1/statuses", token, Map.of("status", "across processes"))
                    .json().get("id").asString();

            JsonNode frame = socket.next(f -> "update".equals(f.path("event").asString("")), Duration.ofSeconds(10))
                    .orElseThrow();
            assertThat(JsonMapper.shared().readTree(frame.get("payload").asString()).get("id").asString())
                    .isEqualTo(posted);
        }
    }

    private String sharing(String property) {
        return "--" + property + "=" + environment.getRequiredProperty(property);
    }
}
