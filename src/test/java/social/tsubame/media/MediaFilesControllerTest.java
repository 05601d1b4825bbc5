package social.tsubame.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.testing.TsubameTest;

/** Local files are served with their type and long caching, and nothing outside the media folder is. */
@TsubameTest
class MediaFilesControllerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Value("${tsubame.media.local-path}")
    Path mediaRoot;

    @Autowired
    UploadMedia uploadMedia;

    @Autowired
    MediaStorage storage;

    @Autowired
    Accounts accounts;

    @Autowired
    CreateLocalAccount createLocalAccount;

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anUploadIsServedAtItsUrlWithItsTypeAndCachedForAYear() throws Exception {
        long mia = UploadMediaTest.localAccount(accounts, createLocalAccount, "mia").id();
        MediaAttachment media = uploadMedia.upload(new UploadMedia.Command(mia, TestImages.jpeg(32, 24), null, null));
        String url = storage.url(media.fileKey());
        assertThat(url).endsWith("/system/media/" + media.fileKey());

        HttpResponse<byte[]> response = get(URI.create(url).getPath());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow())
                .contains("max-age=31536000").contains("public").contains("immutable");
        assertThat(response.body()).isEqualTo(storage.get(media.fileKey()).orElseThrow().getContentAsByteArray());

        HttpResponse<byte[]> thumbnail = get(URI.create(storage.url(media.thumbnailKey())).getPath());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(get("/system/media/attachments/00/00/nothing.jpg").statusCode()).isEqualTo(404);
    }

    @Test
    void pathsThatLeaveTheMediaFolderServeNothing() throws Exception {
        Files.createDirectories(mediaRoot);
        Path secret = mediaRoot.resolveSibling("secret.jpg");
        Files.writeString(secret, "the admin's secret");
        try {
            for (String path : new String[] {"/system/media/../secret.jpg", "/system/media/%2e%2e/secret.jpg",
                    "/system/media/..%2fsecret.jpg", "/system/media/%2e%2e%2fsecret.jpg",
                    "/system/media/..%5csecret.jpg", "/system/media/attachments/%2e%2e/%2e%2e/secret.jpg",
                    "/system/media/%252e%252e/secret.jpg"}) {
                HttpResponse<byte[]> response = get(path);
                assertThat(response.statusCode()).as(path).isNotEqualTo(200);
                assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(path)
                        .doesNotContain("admin's secret");
            }
            assertThat(storage.get("../secret.jpg")).isEmpty();
            assertThat(storage.get("attachments/../../secret.jpg")).isEmpty();
            assertThat(storage.get("/" + secret)).isEmpty();
        } finally {
            Files.delete(secret);
        }
    }
}
