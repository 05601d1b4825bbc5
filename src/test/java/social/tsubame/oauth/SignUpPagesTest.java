package social.tsubame.oauth;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.instance.ServerRules;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.ApiClient.Response;
import social.tsubame.testing.TsubameTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-up page under the default registrations, where a moderator approves each sign-up. */
@TsubameTest
class SignUpPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ServerRules rules;

    private Response signUp(ApiClient.Browser browser, Map<String, String> changes) {
        Map<String, String> form = new HashMap<>(Map.of("username", "pagejoiner", "email", "pagejoiner@example.com",
                "password", "a long enough password", "passwordConfirmation", "a long enough password",
                "agreement", "true", "reason", "I bake bread on the corner", "_csrf",
                browser.csrfToken("/auth/sign_up")));
        form.putAll(changes);
        return browser.post("/auth/sign_up", form);
    }

    @Test
    void thePageAsksWhyWhenAModeratorApprovesAndIsLinkedFromSignIn() {
        ApiClient.Browser browser = new ApiClient(port).new Browser();

        assertThat(browser.get("/auth/sign_up").body()).contains("name=\"reason\"").contains("name=\"_csrf\"");
        assertThat(browser.get("/auth/sign_in").body()).contains("href=\"/auth/sign_up\"");
    }

    @Test
    void thePageShowsTheRulesOneAgreesTo() {
        rules.add("Feed the ducks only oats", "Bread swells in their stomachs.");

        String page = new ApiClient(port).new Browser().get("/auth/sign_up").body();

        assertThat(page).contains("Feed the ducks only oats").contains("Bread swells in their stomachs.");
    }

    @Test
    void aSignUpWaitsForApprovalWithItsReasonKept() {
        ApiClient.Browser browser = new ApiClient(port).new Browser();

        Response answer = signUp(browser, Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("will look at your sign-up");
        assertThat(jdbc.queryForMap("SELECT approved, sign_up_reason FROM users WHERE email = 'pagejoiner@example.com'"))
                .containsEntry("approved", false).containsEntry("sign_up_reason", "I bake bread on the corner");
    }

    @Test
    void badInputIsRefusedInWordsAndKeepsWhatWasTyped() {
        ApiClient.Browser browser = new ApiClient(port).new Browser();

        Response mismatch = signUp(browser, Map.of("username", "typo_joiner", "email", "typo@example.com",
                "passwordConfirmation", "another password"));
        Response noAgreement = signUp(browser, Map.of("username", "shy_joiner", "email", "shy@example.com",
                "agreement", "false"));
        Response badName = signUp(browser, Map.of("username", "no spaces please", "email", "spaces@example.com"));

        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body()).contains("The password and its confirmation differ").contains("value=\"typo_joiner\"");
        assertThat(noAgreement.status()).isEqualTo(422);
        assertThat(noAgreement.body()).contains("Agreement must be accepted").contains("value=\"shy@example.com\"");
        assertThat(badName.status()).isEqualTo(422);
        assertThat(badName.body()).contains("Username must be");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE email IN ('typo@example.com', "
                + "'shy@example.com', 'spaces@example.com')", Integer.class)).isZero();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        ApiClient.Browser browser = new ApiClient(port).new Browser();

        Response forged = browser.post("/auth/sign_up", Map.of("username", "forged", "email", "forged@example.com",
                "password", "a long enough password", "passwordConfirmation", "a long enough password",
                "agreement", "true"));

        assertThat(forged.status()).isEqualTo(403);
    }
}
