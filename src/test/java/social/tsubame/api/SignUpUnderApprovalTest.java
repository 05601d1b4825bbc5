package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.ApproveSignUp;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.TsubameTest;

/** The default: sign-ups wait for a moderator, and their token works from the approval on. */
@TsubameTest
class SignUpUnderApprovalTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApproveSignUp approveSignUp;

    @Test
    void theTokenWorksOnlyOnceAModeratorApproved() {
        ApiClient api = new ApiClient(port);
        String token = api.postForm("/api/v1/accounts", SignUps.appToken(api), Map.of("username", "waiting",
                "email", "waiting@example.com", "password", "a long enough password", "agreement", "true",
                "reason", "I run the local bakery")).json().get("access_token").asString();

        assertThat(api.get("/api/v1/accounts/verify_credentials", token).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT sign_up_reason FROM users WHERE lower(email) = 'waiting@example.com'",
                String.class)).isEqualTo("I run the local bakery");
        assertThat(api.get("/nodeinfo/2.1", null).json().get("openRegistrations").asBoolean()).isFalse();

        assertThat(approveSignUp.approve("waiting")).isTrue();
        assertThat(api.get("/api/v1/accounts/verify_credentials", token).status()).isEqualTo(200);
    }
}
