package social.tsubame.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.testing.ApiClient;
import social.tsubame.testing.ApiClient.Response;
import social.tsubame.testing.TsubameTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's own web client as an OAuth app: signed up (under open registrations) or signed in, a person gets a
 * code for it at once, with no consent page, but only with PKCE and only back to this server's callback.
 */
@TsubameTest
@TestPropertySource(properties = "tsubame.registrations.mode=open")
class WebClientApplicationTest {

    private static final String VERIFIER = "web-client-verifier-0123456789abcdefghijklmnopqrstuvwxyz";

    @LocalServerPort
    int port;

    @Autowired
    WebClientApplication webClientApplication;

    @Autowired
    JdbcTemplate jdbc;

    private String callback() {
        return "http://localhost:" + port + WebClientApplication.CALLBACK_PATH;
    }

    private String authorizePath(String redirectUri, boolean withPkce) {
        StringBuilder path = new StringBuilder("/oauth/authorize?response_type=code&client_id=")
                .append(WebClientApplication.CLIENT_ID).append("&redirect_uri=").append(encode(redirectUri))
                .append("&scope=").append(encode(WebClientApplication.SCOPES)).append("&state=here");
        if (withPkce) {
            path.append("&code_challenge=").append(ApiClient.challenge(VERIFIER)).append("&code_challenge_method=S256");
        }
        return path.toString();
    }

    private ApiClient.Browser signedUp(ApiClient api, String username) {
        ApiClient.Browser browser = api.new Browser();
        Response signedUp = browser.post("/auth/sign_up", Map.of("username", username,
                "email", username + "@example.com", "password", "a long enough password",
                "passwordConfirmation", "a long enough password", "agreement", "true",
                "_csrf", browser.csrfToken("/auth/sign_up")));
        assertThat(signedUp.status()).isEqualTo(302);
        assertThat(signedUp.location()).endsWith("/web/sign_in");
        return browser;
    }

    @Test
    void someoneWhoSignedUpGetsACodeWithoutAConsentPageAndTradesItWithoutASecret() {
        ApiClient api = new ApiClient(port);
        ApiClient.Browser browser = signedUp(api, "webjoiner");

        Response authorized = browser.get(authorizePath(callback(), true));

        assertThat(authorized.status()).isEqualTo(302);
        assertThat(authorized.location()).startsWith(callback() + "?");
        Map<String, String> answer = ApiClient.query(authorized.location());
        assertThat(answer).containsEntry("state", "here");
        Response token = api.postForm("/oauth/token", null, Map.of("grant_type", "authorization_code",
                "code", answer.get("code"), "redirect_uri", callback(), "client_id", WebClientApplication.CLIENT_ID,
                "code_verifier", VERIFIER));
        assertThat(token.status()).isEqualTo(200);
        String accessToken = token.json().get("access_token").asString();
        assertThat(api.get("/api/v1/accounts/verify_credentials", accessToken).json().get("username").asString())
                .isEqualTo("webjoiner");
        Response adminApi = api.get("/api/v1/admin/reports", accessToken);
        assertThat(adminApi.status()).isEqualTo(403);
        assertThat(adminApi.json().path("error").asString()).isEqualTo("This action is not allowed");
    }

    @Test
    void anAppMadeByAnEarlierVersionGetsTheAdminScopesAtStartup() {
        jdbc.update("UPDATE oauth_applications SET scopes = 'read write follow push' WHERE client_id = ?",
                WebClientApplication.CLIENT_ID);

        webClientApplication.run(null);

        assertThat(jdbc.queryForObject("SELECT scopes FROM oauth_applications WHERE client_id = ?", String.class,
                WebClientApplication.CLIENT_ID)).isEqualTo("read write follow push admin:read admin:write");
    }

    @Test
    void aCodeGoesNowhereButThisServersCallbackAndNeverWithoutPkce() {
        ApiClient api = new ApiClient(port);
        ApiClient.Browser browser = signedUp(api, "cautious");

        Response elsewhere = browser.get(authorizePath("https://elsewhere.example/web/callback", true));
        Response withoutPkce = browser.get(authorizePath(callback(), false));

        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(withoutPkce.status()).isEqualTo(302);
        assertThat(ApiClient.query(withoutPkce.location())).containsKey("error").doesNotContainKey("code");
    }

    @Test
    void theShellAnswersAtTheRootAndEveryInAppAddress() {
        ApiClient.Browser browser = new ApiClient(port).new Browser();

        for (String path : new String[] {"/", "/web/home", "/web/@someone@remote.example", "/web/statuses/12345"}) {
            Response shell = browser.get(path);
            assertThat(shell.status()).as(path).isEqualTo(200);
            assertThat(shell.body()).as(path).contains("name=\"tsubame-client-id\" content=\"tsubame-web\"")
                    .contains("/webclient/main.js");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
