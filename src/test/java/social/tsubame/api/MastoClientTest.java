package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.testing.NodeProject;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * masto.js, the Mastodon client library many apps are built on, drives Tsubame end to end
 * ({@code interop/masto-client/client.mjs}): app, token, sign-up, follow, post, timelines, favourite, boost,
 * notifications, context, streaming and delete, each through the library's own calls and types.
 */
@TsubameTest
@TestPropertySource(properties = "tsubame.registrations.mode=open")
class MastoClientTest {

    private static final Logger log = LoggerFactory.getLogger(MastoClientTest.class);
    private static final NodeProject CLIENT = NodeProject.named("masto-client");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Test
    void mastoJsRunsThroughAnAppsDay() throws Exception {
        CLIENT.install();
        String base = "http://localhost:" + port;
        ProcessBuilder script = CLIENT.run("client.mjs").redirectErrorStream(true);
        Map<String, String> environment = script.environment();
        environment.put("TSUBAME_URL", base);
        environment.put("TSUBAME_STREAMING_URL", "ws://localhost:" + port);

        List<String> output = run(script);
        List<JsonNode> steps = output.stream().filter(line -> line.startsWith("{\"step\""))
                .map(JsonMapper.shared()::readTree).toList();

        assertThat(steps).as("steps printed by masto.js:\n%s", String.join("\n", output))
                .extracting(step -> step.get("step").asString())
                .containsSubsequence("app", "app_token", "sign_up", "sign_up", "verify_credentials",
                        "verify_credentials", "lookup", "follow", "relationships", "post", "home_timeline",
                        "public_timeline", "favourite", "reblog", "notifications", "reply", "context", "streaming",
                        "delete", "done");
        assertThat(steps).allMatch(step -> step.get("ok").asBoolean());
        JsonNode streamed = steps.stream().filter(step -> step.get("step").asString().equals("streaming"))
                .findFirst().orElseThrow();
        assertThat(streamed.has("skipped")).as("streaming skipped: %s", streamed).isFalse();
    }

    /** Runs the script with a deadline, writing each line it prints into the test log as it comes. */
    private static List<String> run(ProcessBuilder script) throws IOException, InterruptedException {
        Process process = script.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    log.info("masto.js | {}", line);
                    lines.add(line);
                }
            } catch (IOException e) {
                log.warn("reading masto.js output failed", e);
            }
        });
        boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        reader.join(Duration.ofSeconds(5));
        assertThat(finished).as("masto.js did not finish within %s:\n%s", TIMEOUT, String.join("\n", lines))
                .isTrue();
        assertThat(process.exitValue()).as("masto.js exit code; its output:\n%s", String.join("\n", lines))
                .isZero();
        return List.copyOf(lines);
    }
}
