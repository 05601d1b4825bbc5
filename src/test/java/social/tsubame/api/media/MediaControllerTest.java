package social.tsubame.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.json.JsonMapper;

@TsubameTest
class MediaControllerTest {

    private static final String BOUNDARY = "tsubame-test-boundary";

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    private static byte[] multipart(String fieldName, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fieldName
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefusedAsTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("application/json");
        assertThat(JsonMapper.shared().readTree(response.body()).path("error").asString()).contains("larger");
    }

    @Test
    void anUploadOverTheSizeLimitIsAnswered413InMastodonsErrorShape() throws Exception {
        assertRefusedAsTooLarge(post("/api/v2/media", multipart("file", "just-over.jpg",
                new byte[16 * 1024 * 1024 + 1])));
        // Far over: the client still reads the answer rather than a broken connection.
        assertRefusedAsTooLarge(post("/api/v1/media", multipart("file", "huge.jpg", new byte[30 * 1024 * 1024])));
    }
}
