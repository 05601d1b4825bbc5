package social.tsubame.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.ApiClient.App;
import social.tsubame.testing.ApiClient.Response;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

@TsubameTest
class OAuthFlowTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        if (accounts.findLocal("olivia").isEmpty()) {
            createLocalAccount.create(new CreateLocalAccount.Command("olivia", "olivia@example.com", PASSWORD,
                    Role.USER));
        }
    }

    @Test
    void registeringAnAppReturnsItsCredentialsOnceAndKeepsOnlyAHashOfTheSecret() {
        JsonNode app = api.postJson("/api/v1/apps", null, Map.of("client_name", "Phanpy",
                "redirect_uris", List.of("https://phanpy.example/", "urn:ietf:wg:oauth:2.0:oob"),
                "scopes", "read write follow push", "website", "https://phanpy.example")).json();

        assertThat(app.get("name").asString()).isEqualTo("Phanpy");
        assertThat(app.get("redirect_uri").asString()).isEqualTo("https://phanpy.example/\nurn:ietf:wg:oauth:2.0:oob");
        assertThat(app.get("client_secret").asString()).hasSizeGreaterThan(30);
        String stored = jdbc.queryForObject("SELECT client_secret_hash FROM oauth_applications WHERE client_id = ?",
                String.class, app.get("client_id").asString());
        assertThat(stored).isEqualTo(SecretHashes.hash(app.get("client_secret").asString()));
    }

    @Test
    void badRegistrationsAreRefusedWithMastodonsErrorShape() {
        Response noName = api.postForm("/api/v1/apps", null, Map.of("redirect_uris", ApiClient.REDIRECT_URI));
        Response badScope = api.postForm("/api/v1/apps", null, Map.of("client_name", "x",
                "redirect_uris", ApiClient.REDIRECT_URI, "scopes", "read everything"));
        Response badUri = api.postForm("/api/v1/apps", null, Map.of("client_name", "x", "redirect_uris", "nope"));

        assertThat(List.of(noName.status(), badScope.status(), badUri.status())).containsOnly(422);
        assertThat(badScope.json().get("error").asString()).contains("everything");
    }

    @Test
    void theCodeFlowWithPkceIssuesATokenStoredOnlyAsAHash() {
        App app = api.registerApp("read write");
        String verifier = "a-verifier-that-is-long-enough-for-pkce-0123456789";
        String code = api.authorize(app, "olivia@example.com", PASSWORD, "read write", verifier);

        Response token = api.exchange(app, code, verifier);

        assertThat(token.status()).isEqualTo(200);
        String accessToken = token.json().get("access_token").asString();
        assertThat(token.json().get("token_type").asString()).isEqualToIgnoringCase("Bearer");
        assertThat(token.json().get("scope").asString().split(" ")).containsExactlyInAnyOrder("read", "write");
        assertThat(token.json().get("created_at").asLong()).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM oauth_access_tokens WHERE token_hash = ?",
                Integer.class, SecretHashes.hash(accessToken))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM oauth_access_tokens WHERE token_hash = ?",
                Integer.class, accessToken)).isZero();
        assertThat(api.get("/api/v1/apps/verify_credentials", accessToken).json().get("name").asString())
                .isEqualTo("Test app");
    }

    @Test
    void aCodeWorksOnceAndOnlyWithItsVerifier() {
        App app = api.registerApp("read");
        String verifier = "the-right-verifier-0123456789-0123456789-abcdefgh";
        String code = api.authorize(app, "olivia", PASSWORD, "read", verifier);

        assertThat(api.exchange(app, code, verifier + "x").status()).isEqualTo(400);
        String secondCode = api.authorize(app, "olivia", PASSWORD, "read", verifier);
        assertThat(api.exchange(app, secondCode, verifier).status()).isEqualTo(200);
        assertThat(api.exchange(app, secondCode, verifier).json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aRefreshReplacesTheTokenAndARevokedTokenStopsWorking() {
        App app = api.registerApp("read");
        String verifier = "refresh-verifier-0123456789-0123456789-abcdefghij";
        JsonNode first = api.exchange(app, api.authorize(app, "olivia", PASSWORD, "read", verifier), verifier).json();

        JsonNode refreshed = api.postForm("/oauth/token", null, Map.of("grant_type", "refresh_token",
                "refresh_token", first.get("refresh_token").asString(), "client_id", app.clientId(),
                "client_secret", app.clientSecret())).json();

        String newToken = refreshed.get("access_token").asString();
        assertThat(api.get("/api/v1/apps/verify_credentials", first.get("access_token").asString()).status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/apps/verify_credentials", newToken).status()).isEqualTo(200);

        Response revoked = api.postForm("/oauth/revoke", null, Map.of("token", newToken,
                "client_id", app.clientId(), "client_secret", app.clientSecret()));
        assertThat(revoked.status()).isEqualTo(200);
        Response after = api.get("/api/v1/apps/verify_credentials", newToken);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("error").asString()).isEqualTo("The access token is invalid");
    }

    @Test
    void anAppTokenFromClientCredentialsHasTheDefaultScopeAndNoUser() {
        App app = api.registerApp("read write");
        JsonNode token = api.postForm("/oauth/token", null, Map.of("grant_type", "client_credentials",
                "client_id", app.clientId(), "client_secret", app.clientSecret())).json();

        assertThat(token.get("scope").asString()).isEqualTo("read");
        assertThat(api.get("/api/v1/apps/verify_credentials", token.get("access_token").asString()).status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT resource_owner_id FROM oauth_access_tokens WHERE token_hash = ?",
                Long.class, SecretHashes.hash(token.get("access_token").asString()))).isNull();
    }

    @Test
    void aWrongSecretOrAnUnregisteredRedirectGetsNothing() {
        App app = api.registerApp("read");
        Response wrongSecret = api.postForm("/oauth/token", null, Map.of("grant_type", "client_credentials",
                "client_id", app.clientId(), "client_secret", "guess"));
        assertThat(wrongSecret.status()).isEqualTo(401);

        Response strangeRedirect = api.new Browser().get("/oauth/authorize?response_type=code&client_id="
                + app.clientId() + "&redirect_uri=https://evil.example/&scope=read");
        assertThat(strangeRedirect.status()).isEqualTo(400);
    }

    @Test
    void denyingConsentSendsTheUserBackWithoutACode() {
        App app = api.registerApp("read");
        ApiClient.Browser browser = api.new Browser();
        String authorize = "/oauth/authorize?response_type=code&client_id=" + app.clientId()
                + "&redirect_uri=" + ApiClient.REDIRECT_URI + "&scope=read";
        browser.get(authorize);
        browser.signIn("olivia", PASSWORD);
        Response consent = browser.get(authorize);
        assertThat(consent.location()).contains("/oauth/consent");
        assertThat(browser.get(consent.location().replaceFirst("^https?://[^/]+", "")).body())
                .contains("Test app").contains("Authorize");

        Response denied = browser.post("/oauth/authorize", Map.of("client_id", app.clientId(),
                "state", ApiClient.query(consent.location()).get("state")));

        assertThat(denied.location()).startsWith(ApiClient.REDIRECT_URI).contains("error=access_denied")
                .doesNotContain("code=");
    }

    @Test
    void aWrongPasswordStaysOnTheSignInPage() {
        Response attempt = api.new Browser().signIn("olivia", "wrong password");
        assertThat(attempt.location()).contains("/auth/sign_in?error");
    }

    @Test
    void browserAppsOnOtherOriginsMayExchangeCodesForTokens() throws Exception {
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/oauth/token"))
                .header("Origin", "https://elk.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://elk.example");
    }

    @Test
    void theMetadataDocumentNamesMastodonsEndpointsAndScopes() {
        JsonNode metadata = api.get("/.well-known/oauth-authorization-server", null).json();
        assertThat(metadata.get("authorization_endpoint").asString()).endsWith("/oauth/authorize");
        assertThat(metadata.get("token_endpoint").asString()).endsWith("/oauth/token");
        assertThat(metadata.get("revocation_endpoint").asString()).endsWith("/oauth/revoke");
        assertThat(metadata.get("app_registration_endpoint").asString()).endsWith("/api/v1/apps");
        assertThat(metadata.get("scopes_supported").toString()).contains("write:statuses");
        assertThat(metadata.get("code_challenge_methods_supported").toString()).contains("S256");
    }
}
