package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.testing.ApiClient;
import social.tsubame.testing.ApiClient.Response;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

@TsubameTest
@TestPropertySource(properties = "tsubame.registrations.mode=open")
class SignUpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String appToken;

    @BeforeEach
    void app() {
        api = new ApiClient(port);
        appToken = SignUps.appToken(api);
    }

    @Test
    void anAppSignsSomeoneUpAndGetsAWorkingTokenForThem() {
        Response signedUp = api.postForm("/api/v1/accounts", appToken, Map.of("username", "newcomer",
                "email", "newcomer@example.com", "password", "a long enough password", "agreement", "true",
                "locale", "ja"));

        assertThat(signedUp.status()).isEqualTo(200);
        JsonNode token = signedUp.json();
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.get("scope").asString()).isEqualTo("read write");
        JsonNode me = api.get("/api/v1/accounts/verify_credentials", token.get("access_token").asString()).json();
        assertThat(me.get("username").asString()).isEqualTo("newcomer");
        assertThat(jdbc.queryForObject("SELECT locale FROM users WHERE lower(email) = 'newcomer@example.com'",
                String.class)).isEqualTo("ja");
        assertThat(api.get("/nodeinfo/2.1", null).json().get("openRegistrations").asBoolean()).isTrue();
    }

    @Test
    void aTakenNameAMissingAgreementOrAWeakPasswordIsRefusedAndNothingIsWritten() {
        api.postForm("/api/v1/accounts", appToken, Map.of("username", "taken", "email", "taken@example.com",
                "password", "a long enough password", "agreement", "true"));
        int accountsBefore = jdbc.queryForObject("SELECT count(*) FROM accounts", Integer.class);

        Response taken = api.postForm("/api/v1/accounts", appToken, Map.of("username", "TAKEN",
                "email", "other@example.com", "password", "a long enough password", "agreement", "true"));
        Response noAgreement = api.postForm("/api/v1/accounts", appToken, Map.of("username", "fresh",
                "email", "fresh@example.com", "password", "a long enough password"));
        Response weak = api.postForm("/api/v1/accounts", appToken, Map.of("username", "fresh2",
                "email", "fresh2@example.com", "password", "short", "agreement", "true"));
        Response anonymous = api.postForm("/api/v1/accounts", null, Map.of("username", "fresh3",
                "email", "fresh3@example.com", "password", "a long enough password", "agreement", "true"));

        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.json().get("error").asString()).contains("taken");
        assertThat(noAgreement.status()).isEqualTo(422);
        assertThat(weak.status()).isEqualTo(422);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM accounts", Integer.class)).isEqualTo(accountsBefore);
    }
}
