package social.tsubame.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import social.tsubame.TsubameApplication;
import social.tsubame.testing.TestServers;

class RolesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private ConfigurableApplicationContext start(String... profiles) {
        Map<String, Object> properties = new HashMap<>(TestServers.freshProperties());
        properties.put("server.port", "0");
        properties.put("tsubame.embedded.enabled", "false");
        String[] args = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(TsubameApplication.class)
                .profiles(profiles)
                .run(args);
    }

    private int status(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void aWorkerOnlyProcessServesNoApiButItsManagementEndpoints() throws Exception {
        try (var context = start(Roles.WORKER)) {
            assertThat(context.getEnvironment().getActiveProfiles()).containsExactly(Roles.WORKER);
            assertThat(context.containsBean("queueWorkers")).isTrue();
            int port = port(context);
            assertThat(status(port, "/actuator/health")).isEqualTo(200);
            assertThat(status(port, "/api/v1/instance")).isEqualTo(404);
            assertThat(status(port, "/.well-known/nodeinfo")).isEqualTo(404);
            assertThat(status(port, "/api/v1/streaming/health")).isEqualTo(404);
        }
    }

    @Test
    void aProcessWithoutRolesPlaysThemAll() throws Exception {
        try (var context = start()) {
            assertThat(context.getEnvironment().getActiveProfiles()).containsExactlyInAnyOrderElementsOf(Roles.ALL);
            assertThat(context.containsBean("queueWorkers")).isTrue();
            int port = port(context);
            assertThat(status(port, "/actuator/health")).isEqualTo(200);
            assertThat(status(port, "/api/v1/instance")).isEqualTo(200);
            assertThat(status(port, "/.well-known/nodeinfo")).isEqualTo(200);
            assertThat(status(port, "/api/v1/streaming/health")).isEqualTo(200);
        }
    }

    @Test
    void aWebProcessConsumesNoQueues() throws Exception {
        try (var context = start(Roles.WEB)) {
            assertThat(context.containsBean("queueWorkers")).isFalse();
            int port = port(context);
            assertThat(status(port, "/api/v1/instance")).isEqualTo(200);
            assertThat(status(port, "/.well-known/nodeinfo")).isEqualTo(404);
        }
    }
}
