package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.testing.ApiClient;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

@TsubameTest
@TestPropertySource(properties = {"tsubame.instance.title=Swallow Town", "tsubame.registrations.mode=open"})
class InstanceApiTest {

    @LocalServerPort
    int port;

    @Test
    void theInstanceDescribesItsLimitsAndStreamingAddressInBothShapes() {
        ApiClient api = new ApiClient(port);
        JsonNode v2 = api.get("/api/v2/instance", null).json();
        assertThat(v2.get("title").asString()).isEqualTo("Swallow Town");
        assertThat(v2.get("configuration").get("statuses").get("max_characters").asInt()).isEqualTo(500);
        assertThat(v2.get("configuration").get("media_attachments").get("supported_mime_types").toString())
                .contains("image/jpeg");
        assertThat(v2.get("configuration").get("urls").get("streaming").asString()).startsWith("ws");
        assertThat(v2.get("registrations").get("enabled").asBoolean()).isTrue();
        assertThat(v2.get("registrations").get("approval_required").asBoolean()).isFalse();

        JsonNode v1 = api.get("/api/v1/instance", null).json();
        assertThat(v1.get("uri").asString()).isEqualTo(v2.get("domain").asString());
        assertThat(v1.get("urls").get("streaming_api").asString()).startsWith("ws");
        assertThat(v1.get("stats").has("user_count")).isTrue();

        assertThat(api.get("/api/v1/instance/activity", null).json().size()).isEqualTo(12);
        assertThat(api.get("/api/v1/instance/peers", null).json().isArray()).isTrue();
    }
}
