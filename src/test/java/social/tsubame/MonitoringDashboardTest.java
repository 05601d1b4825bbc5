package social.tsubame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.testing.ApiClient;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Grafana dashboard in {@code config/grafana} asks only for metrics a running server exports. */
@TsubameTest
class MonitoringDashboardTest {

    private static final Path DASHBOARD = Path.of("config/grafana/tsubame.json");
    private static final Pattern METRIC = Pattern.compile("\\b(tsubame_[a-z_]+|http_server_[a-z_]+|jvm_[a-z_]+"
            + "|process_[a-z_]+)\\{");
    /** Counters made with their labels on the first event of their kind, which this test does not cause. */
    private static final Set<String> MADE_ON_FIRST_EVENT = Set.of("tsubame_federation_deliveries_total",
            "tsubame_federation_inbound_activities_total");

    @LocalServerPort
    int port;

    @Test
    void everyMetricOfTheDashboardIsExported() throws Exception {
        ApiClient api = new ApiClient(port);
        api.get("/api/v1/instance", null);
        // An unsigned request to the inbox is refused, which counts.
        api.postJson("/inbox", null, Map.of("type", "Follow"));
        String scrape = api.get("/actuator/prometheus", null).body();

        Set<String> asked = metricsAskedFor(JsonMapper.shared().readTree(Files.readString(DASHBOARD)));
        assertThat(asked).contains("tsubame_queue_latency_seconds", "http_server_requests_seconds_bucket",
                "jvm_memory_used_bytes");
        for (String metric : asked) {
            if (!MADE_ON_FIRST_EVENT.contains(metric)) {
                assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "\\{");
            }
        }
    }

    private static Set<String> metricsAskedFor(JsonNode dashboard) {
        Set<String> metrics = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher matcher = METRIC.matcher(target.path("expr").asString());
                while (matcher.find()) {
                    metrics.add(matcher.group(1));
                }
            }
        }
        return metrics;
    }
}
