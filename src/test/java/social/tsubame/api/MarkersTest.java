package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

@TsubameTest
class MarkersTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Test
    void markersAreSavedByFormOrJsonAndCountTheirVersions() {
        ApiClient api = new ApiClient(port);
        createLocalAccount.create(new CreateLocalAccount.Command("tara", "tara@example.com", PASSWORD, Role.USER));
        String token = api.userToken("tara", PASSWORD, "read write");
        String both = "/api/v1/markers?timeline%5B%5D=home&timeline%5B%5D=notifications";
        assertThat(api.get(both, token).json().size()).isZero();

        JsonNode first = api.postForm("/api/v1/markers", token, Map.of("home[last_read_id]", "105")).json();
        assertThat(first.get("home").get("last_read_id").asString()).isEqualTo("105");
        assertThat(first.get("home").get("version").asInt()).isZero();
        assertThat(first.get("home").get("updated_at").asString()).endsWith("Z");
        assertThat(first.has("notifications")).isFalse();

        JsonNode second = api.postJson("/api/v1/markers", token, Map.of("home", Map.of("last_read_id", "107"),
                "notifications", Map.of("last_read_id", "42"))).json();
        assertThat(second.get("home").get("last_read_id").asString()).isEqualTo("107");
        assertThat(second.get("home").get("version").asInt()).isEqualTo(1);
        assertThat(second.get("notifications").get("version").asInt()).isZero();

        JsonNode read = api.get(both, token).json();
        assertThat(read.get("home").get("last_read_id").asString()).isEqualTo("107");
        assertThat(read.get("notifications").get("last_read_id").asString()).isEqualTo("42");
        assertThat(api.get("/api/v1/markers?timeline%5B%5D=home", token).json().has("notifications")).isFalse();
        assertThat(api.postJson("/api/v1/markers", token, Map.of("home", Map.of("last_read_id", "x"))).status())
                .isEqualTo(422);
    }
}
