package social.tsubame.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.testing.TsubameTest;

@TsubameTest
@TestPropertySource(properties = {"tsubame.rate-limits.enabled=true",
        "tsubame.rate-limits.anonymous-api.requests=3", "tsubame.rate-limits.anonymous-api.period=5m",
        "tsubame.rate-limits.sign-in.requests=2", "tsubame.rate-limits.sign-in.period=5m",
        "tsubame.rate-limits.sign-up.requests=2", "tsubame.rate-limits.sign-up.period=5m"})
class RateLimitTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anonymousApiCallsBeyondTheLimitAre429WithMastodonsHeaders() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            responses.add(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/timelines/public")).build(), HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(responses.subList(0, 3)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(responses.get(2).headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        HttpResponse<String> refused = responses.get(3);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"error\"");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
    }

    @Test
    void signInAttemptsAreLimitedBeforeAnyPasswordIsChecked() throws Exception {
        int last = 0;
        for (int i = 0; i < 3; i++) {
            last = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/sign_in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=nobody&password=guess")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertThat(last).isEqualTo(429);
    }

    @Test
    void theSignUpPageSharesTheSignUpLimit() throws Exception {
        int last = 0;
        for (int i = 0; i < 3; i++) {
            last = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/sign_up"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=flood&email=flood@example.com")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertThat(last).isEqualTo(429);
    }
}
