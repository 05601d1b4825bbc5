package social.tsubame.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.queue.JobStreams;
import social.tsubame.queue.QueueControls;
import social.tsubame.queue.QueueName;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

/** The operator's HTTP levers on queues and remote servers, and who may pull them. */
@TsubameTest
class OperatorApiTest {

    private static final String ADMIN_SCOPES = "read admin:read admin:write";

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    JobStreams streams;

    @Autowired
    QueueControls controls;

    ApiClient api;
    String admin;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "queue_admin", Role.ADMIN);
        LocalUsers.ensure(createLocalAccount, accounts, "queue_watcher");
        admin = api.userToken("queue_admin", LocalUsers.PASSWORD, ADMIN_SCOPES);
    }

    @Test
    void onlyOwnersAndAdminsWithAnAdminScopeMayUseIt() {
        String user = api.userToken("queue_watcher", LocalUsers.PASSWORD, ADMIN_SCOPES);
        String adminWithoutAdminScope = api.userToken("queue_admin", LocalUsers.PASSWORD, "read write");

        assertThat(api.get("/api/v1/admin/queues", null).status()).isEqualTo(401);
        ApiClient.Response notAdmin = api.get("/api/v1/admin/queues", user);
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.json().path("error").asString()).isEqualTo("This action is not allowed");
        assertThat(api.get("/api/v1/admin/queues", adminWithoutAdminScope).status()).isEqualTo(403);
        assertThat(api.postForm("/api/v1/admin/queues/push/pause", user, Map.of()).status()).isEqualTo(403);
        assertThat(controls.pausedQueues()).doesNotContain(QueueName.PUSH);
    }

    @Test
    void listsPausesAndResumesQueues() {
        JsonNode queues = api.get("/api/v1/admin/queues", admin).json();
        assertThat(queues.valueStream().map(q -> q.path("name").asString()).toList())
                .containsExactly("ingress", "ingress:low", "default", "push", "pull");
        assertThat(queues.get(0).has("latency_seconds")).isTrue();
        assertThat(queues.get(0).has("completed_per_second")).isTrue();

        JsonNode paused = api.postForm("/api/v1/admin/queues/ingress-low/pause", admin, Map.of()).json();
        assertThat(paused.path("name").asString()).isEqualTo("ingress:low");
        assertThat(paused.path("paused").asBoolean()).isTrue();
        assertThat(controls.pausedQueues()).contains(QueueName.INGRESS_LOW);
        assertThat(api.get("/api/v1/admin/queues/ingress:low", admin).json().path("paused").asBoolean()).isTrue();

        JsonNode resumed = api.postForm("/api/v1/admin/queues/ingress:low/resume", admin, Map.of()).json();
        assertThat(resumed.path("paused").asBoolean()).isFalse();
        assertThat(controls.pausedQueues()).doesNotContain(QueueName.INGRESS_LOW);

        assertThat(api.get("/api/v1/admin/queues/nonsense", admin).status()).isEqualTo(404);
    }

    @Test
    void showsAndReplaysDeadLetters() {
        // A job nobody knows how to run goes straight to the dead letters.
        streams.add(QueueName.DEFAULT, "test.operator.unknown", "{\"marker\":\"operator-api\"}", Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetterIds().size() == 1);
        String id = deadLetterIds().getFirst();

        JsonNode letter = api.get("/api/v1/admin/queues/default/dead_letters/" + id, admin).json();
        assertThat(letter.path("type").asString()).isEqualTo("test.operator.unknown");
        assertThat(letter.path("payload").asString()).contains("operator-api");
        assertThat(letter.path("last_error").asString()).isNotBlank();
        assertThat(letter.path("died_at").asString()).isNotBlank();

        assertThat(api.postForm("/api/v1/admin/queues/default/dead_letters/" + id + "/replay", admin, Map.of())
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/queues/default/dead_letters/" + id, admin).status()).isEqualTo(404);
        // Replayed, it fails again for good: a new dead letter, the old one gone.
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetterIds().size() == 1
                && !deadLetterIds().contains(id));

        assertThat(api.get("/api/v1/admin/queues/default/dead_letters/not-an-id", admin).status()).isEqualTo(404);
        assertThat(api.postForm("/api/v1/admin/queues/default/dead_letters/1-1/replay", admin, Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void steersARemoteServersInboundTraffic() {
        Map<String, Object> throttle = new HashMap<>();
        throttle.put("inbound_throttled", true);
        throttle.put("inbound_rate_limit", 30);
        JsonNode steered = api.sendJson("PUT", "/api/v1/admin/domain_traffic/Spammy.Example", admin, throttle).json();
        assertThat(steered.path("domain").asString()).isEqualTo("spammy.example");
        assertThat(steered.path("inbound_throttled").asBoolean()).isTrue();
        assertThat(steered.path("inbound_rate_limit").asInt()).isEqualTo(30);
        assertThat(steered.path("available").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/admin/domain_traffic", admin).json().valueStream()
                .map(d -> d.path("domain").asString())).contains("spammy.example");

        JsonNode lifted = api.sendJson("PUT", "/api/v1/admin/domain_traffic/spammy.example", admin,
                Map.of("inbound_rate_limit", 0)).json();
        assertThat(lifted.path("inbound_rate_limit").isNull()).isTrue();
        assertThat(lifted.path("inbound_throttled").asBoolean()).as("left as it was").isTrue();
        assertThat(api.postForm("/api/v1/admin/domain_traffic/spammy.example/available", admin, Map.of()).json()
                .path("available").asBoolean()).isTrue();

        ApiClient.Response notADomain = api.sendJson("PUT", "/api/v1/admin/domain_traffic/not_a%20domain", admin,
                Map.of("inbound_throttled", true));
        assertThat(notADomain.status()).isEqualTo(422);
        assertThat(notADomain.json().path("error").asString()).contains("Not a domain name");
        assertThat(api.sendJson("PUT", "/api/v1/admin/domain_traffic/spammy.example", admin,
                Map.of("inbound_rate_limit", -5)).status()).isEqualTo(422);
    }

    private List<String> deadLetterIds() {
        return api.get("/api/v1/admin/queues/default/dead_letters", admin).json().valueStream()
                .filter(letter -> letter.path("type").asString().equals("test.operator.unknown"))
                .map(letter -> letter.path("id").asString())
                .toList();
    }
}
