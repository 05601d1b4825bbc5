package social.tsubame.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import social.tsubame.TsubameApplication;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.account.Users;

/** With no database or Redis configured, the server runs its own and keeps their data across restarts. */
class EmbeddedModeTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TsubameApplication.class)
                .run("--tsubame.data-dir=" + dataDir, "--server.port=0");
    }

    private String get(ConfigurableApplicationContext context, String path) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void startsItsOwnServersAndKeepsDataAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory("tsubame-embedded");
        try (var context = start(dataDir)) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).contains("localhost");
            assertThat(get(context, "/actuator/health")).contains("\"status\":\"UP\"");
            assertThat(get(context, "/actuator/health/readiness")).contains("\"status\":\"UP\"");
            String metrics = get(context, "/actuator/prometheus");
            for (String queue : new String[] {"ingress", "ingress:low", "default", "push", "pull"}) {
                assertThat(metrics).contains("tsubame_queue_depth{application=\"tsubame\",queue=\"" + queue + "\"}");
            }
            assertThat(metrics).contains("tsubame_queue_latency_seconds").contains("tsubame_queue_jobs_total")
                    .contains("tsubame_queue_job_duration_seconds_bucket");
            context.getBean(CreateLocalAccount.class).create(
                    new CreateLocalAccount.Command("keeper", "keeper@example.org", "a long password", Role.USER));
        }
        try (var context = start(dataDir)) {
            assertThat(context.getBean(Users.class).findByEmail("keeper@example.org")).isPresent();
        }
    }
}
