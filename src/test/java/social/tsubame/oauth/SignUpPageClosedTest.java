package social.tsubame.oauth;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.testing.ApiClient;
import social.tsubame.testing.ApiClient.Response;
import social.tsubame.testing.TsubameTest;

import static org.assertj.core.api.Assertions.assertThat;

@TsubameTest
@TestPropertySource(properties = "tsubame.registrations.mode=closed")
class SignUpPageClosedTest {

    @LocalServerPort
    int port;

    @Test
    void underClosedRegistrationsThePageHasNoFormAndRefusesAPost() {
        ApiClient.Browser browser = new ApiClient(port).new Browser();
        String page = browser.get("/auth/sign_up").body();
        String csrf = browser.csrfToken("/auth/sign_in");

        Response refused = browser.post("/auth/sign_up", Map.of("username", "latecomer",
                "email", "latecomer@example.com", "password", "a long enough password",
                "passwordConfirmation", "a long enough password", "agreement", "true", "_csrf", csrf));

        assertThat(page).contains("Sign-ups are closed").doesNotContain("name=\"username\"");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Sign-ups are closed");
    }
}
