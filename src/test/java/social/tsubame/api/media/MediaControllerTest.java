package social.tsubame.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.media.TestImages;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Mastodon's media endpoints as an app calls them, with a user's token. */
@TsubameTest
class MediaControllerTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String BOUNDARY = "tsubame-test-boundary";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    CreateLocalAccount createLocalAccount;

    private ApiClient api;
    private String mia;
    private String otto;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        for (String name : List.of("mia", "otto")) {
            if (accounts.findLocal(name).isEmpty()) {
                createLocalAccount.create(new CreateLocalAccount.Command(name, name + "@example.org", PASSWORD,
                        Role.USER));
            }
        }
        mia = api.userToken("mia", PASSWORD, "read write");
        otto = api.userToken("otto", PASSWORD, "read write");
    }

    /** A multipart body: the file under {@code file} (unless null), then the text fields. */
    private static byte[] multipart(byte[] file, Map<String, String> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (file != null) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"upload\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; "
                + "name=\"" + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpResponse<String> upload(String path, String token, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode uploaded(String token) {
        HttpResponse<String> response = upload("/api/v2/media", token, multipart(TestImages.jpeg(64, 48),
                Map.of()));
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    @Test
    void anUploadAnswersTheFinishedAttachmentInMastodonsShape() {
        HttpResponse<String> response = upload("/api/v2/media", mia, multipart(TestImages.jpeg(64, 48),
                Map.of("description", "Red and blue", "focus", "0.5,-0.5")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode media = json(response);
        assertThat(media.get("id").isString()).isTrue();
        assertThat(media.get("type").asString()).isEqualTo("image");
        assertThat(media.get("url").asString()).contains("/system/media/").endsWith(".jpg");
        assertThat(media.get("preview_url").asString()).endsWith("-small.jpg");
        assertThat(media.has("remote_url") && media.get("remote_url").isNull()).isTrue();
        assertThat(media.has("preview_remote_url") && media.get("preview_remote_url").isNull()).isTrue();
        assertThat(media.has("text_url") && media.get("text_url").isNull()).isTrue();
        JsonNode original = media.get("meta").get("original");
        assertThat(original.get("width").asInt()).isEqualTo(64);
        assertThat(original.get("height").asInt()).isEqualTo(48);
        assertThat(original.get("size").asString()).isEqualTo("64x48");
        assertThat(original.get("aspect").asDouble()).isEqualTo(64.0 / 48);
        assertThat(media.get("meta").get("small").get("size").asString()).isEqualTo("64x48");
        assertThat(media.get("meta").get("focus").get("x").asDouble()).isEqualTo(0.5);
        assertThat(media.get("meta").get("focus").get("y").asDouble()).isEqualTo(-0.5);
        assertThat(media.get("description").asString()).isEqualTo("Red and blue");
        assertThat(media.get("blurhash").asString()).hasSize(36);

        HttpResponse<byte[]> file = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + URI.create(media.get("url").asString()).getPath())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(TestImages.read(file.body()).getWidth()).isEqualTo(64);
    }

    @Test
    void whatIsNoImageIsRefusedWith422AndAnUploadNeedsATokenThatMayWriteMedia() {
        HttpResponse<String> text = upload("/api/v1/media", mia, multipart("just words".getBytes(
                StandardCharsets.UTF_8), Map.of()));
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(json(text).get("error").asString()).contains("not a supported image");

        HttpResponse<String> noFile = upload("/api/v1/media", mia, multipart(null, Map.of("description", "x")));
        assertThat(noFile.statusCode()).isEqualTo(422);
        assertThat(json(noFile).get("error").asString()).contains("can't be blank");

        assertThat(upload("/api/v2/media", null, multipart(TestImages.jpeg(8, 8), Map.of())).statusCode())
                .isEqualTo(401);
        String readOnly = api.userToken("mia", PASSWORD, "read");
        assertThat(upload("/api/v2/media", readOnly, multipart(TestImages.jpeg(8, 8), Map.of())).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theOwnerReadsAndChangesAnUploadThatNobodyElseSees() {
        String id = uploaded(mia).get("id").asString();

        assertThat(api.get("/api/v1/media/" + id, mia).json().get("id").asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/media/" + id, otto).status()).isEqualTo(404);
        assertThat(api.sendJson("PUT", "/api/v1/media/" + id, otto, Map.of("description", "mine")).status())
                .isEqualTo(404);

        JsonNode described = api.sendJson("PUT", "/api/v1/media/" + id, mia, Map.of("description",
                "A red and a blue field")).json();
        assertThat(described.get("description").asString()).isEqualTo("A red and a blue field");
        HttpResponse<String> focused = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/media/" + id)).header("Authorization", "Bearer " + mia)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString("focus=-0.25%2C0.75")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(focused.statusCode()).isEqualTo(200);
        assertThat(json(focused).get("meta").get("focus").get("y").asDouble()).isEqualTo(0.75);
        assertThat(json(focused).get("description").asString()).as("left as it was")
                .isEqualTo("A red and a blue field");
        assertThat(api.sendJson("PUT", "/api/v1/media/" + id, mia, Map.of("focus", "3,3")).status())
                .isEqualTo(422);
    }

    @Test
    void aPostTakesUploadsByIdOnceAndAtMostFour() {
        String first = uploaded(mia).get("id").asString();
        String second = uploaded(mia).get("id").asString();

        ApiClient.Response posted = api.postJson("/api/v1/statuses", mia, Map.of("status", "",
                "media_ids", List.of(first, second)));
        assertThat(posted.status()).isEqualTo(200);

        assertThat(api.get("/api/v1/media/" + first, mia).status()).as("attached: no longer an upload to change")
                .isEqualTo(404);
        assertThat(api.sendJson("PUT", "/api/v1/media/" + first, mia, Map.of("description", "late")).status())
                .isEqualTo(404);
        ApiClient.Response again = api.postJson("/api/v1/statuses", mia, Map.of("status", "again",
                "media_ids", List.of(first)));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("error").asString()).contains(first);

        List<String> five = IntStream.range(0, 5).mapToObj(i -> uploaded(mia).get("id").asString()).toList();
        assertThat(api.postJson("/api/v1/statuses", mia, Map.of("status", "five", "media_ids", five)).status())
                .isEqualTo(422);
        String ottos = uploaded(otto).get("id").asString();
        assertThat(api.postJson("/api/v1/statuses", mia, Map.of("status", "borrowed", "media_ids",
                List.of(ottos))).status()).isEqualTo(422);
    }

    private static void assertRefusedAsTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("application/json");
        assertThat(json(response).path("error").asString()).contains("larger");
    }

    @Test
    void anUploadOverTheSizeLimitIsAnswered413InMastodonsErrorShape() {
        assertRefusedAsTooLarge(upload("/api/v2/media", mia, multipart(new byte[16 * 1024 * 1024 + 1], Map.of())));
        // Far over: the client still reads the answer rather than a broken connection.
        assertRefusedAsTooLarge(upload("/api/v1/media", mia, multipart(new byte[30 * 1024 * 1024], Map.of())));
    }
}
