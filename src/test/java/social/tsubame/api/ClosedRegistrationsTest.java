package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.testing.ApiClient;
import social.tsubame.testing.TsubameTest;

@TsubameTest
@TestPropertySource(properties = "tsubame.registrations.mode=closed")
class ClosedRegistrationsTest {

    @LocalServerPort
    int port;

    @Test
    void nobodySignsUpThroughAnApp() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response refused = api.postForm("/api/v1/accounts", SignUps.appToken(api), Map.of(
                "username", "hopeful", "email", "hopeful@example.com", "password", "a long enough password",
                "agreement", "true"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asString()).contains("closed");
    }
}
