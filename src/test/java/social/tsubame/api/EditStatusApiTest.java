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
class EditStatusApiTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Test
    void theAuthorEditsAPostWhoseHistoryAndSourceFollow() {
        createLocalAccount.create(new CreateLocalAccount.Command("hedda", "hedda@example.com", "correct horse battery",
                Role.USER));
        createLocalAccount.create(new CreateLocalAccount.Command("igor", "igor@example.com", "correct horse battery",
                Role.USER));
        ApiClient api = new ApiClient(port);
        String hana = api.userToken("hedda", "correct horse battery", "read write");
        String ivan = api.userToken("igor", "correct horse battery", "read write");
        String id = api.postJson("/api/v1/statuses", hana, Map.of("status", "frist post")).json().get("id")
                .asString();

        JsonNode edited = api.sendJson("PUT", "/api/v1/statuses/" + id, hana, Map.of("status", "first post",
                "spoiler_text", "typo fixed")).json();

        assertThat(edited.get("content").asString()).contains("first post");
        assertThat(edited.get("spoiler_text").asString()).isEqualTo("typo fixed");
        assertThat(edited.get("edited_at").isNull()).isFalse();
        JsonNode history = api.get("/api/v1/statuses/" + id + "/history", null).json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("content").asString()).contains("frist post");
        assertThat(history.get(1).get("content").asString()).contains("first post");
        JsonNode source = api.get("/api/v1/statuses/" + id + "/source", hana).json();
        assertThat(source.get("text").asString()).isEqualTo("first post");

        assertThat(api.sendJson("PUT", "/api/v1/statuses/" + id, ivan, Map.of("status", "hijacked")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/statuses/" + id + "/source", ivan).status()).isEqualTo(404);
        assertThat(api.sendJson("PUT", "/api/v1/statuses/" + id, hana, Map.of("status", "x".repeat(501))).status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/statuses/" + id + "/history", null).json().size()).isEqualTo(2);
    }
}
