package social.tsubame.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The S3 adapter against a stand-in for an S3-compatible service on loopback: which requests it makes and how it
 * reads the answers. No real S3 service takes part; the stand-in answers as S3 documents it.
 */
class S3MediaStorageTest {

    private static final byte[] STORED = "stored bytes".getBytes(StandardCharsets.UTF_8);

    private record Request(String method, String path, Headers headers, byte[] body) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String endpoint;

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body));
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                exchange.getResponseHeaders().add("ETag", "\"1\"");
                exchange.sendResponseHeaders(200, -1);
            }
            case "GET" -> {
                if (path.endsWith("/missing.jpg")) {
                    byte[] error = """
                            <?xml version="1.0" encoding="UTF-8"?>
                            <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>
                            """.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/xml");
                    exchange.sendResponseHeaders(404, error.length);
                    exchange.getResponseBody().write(error);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                    exchange.sendResponseHeaders(200, STORED.length);
                    exchange.getResponseBody().write(STORED);
                }
            }
            default -> exchange.sendResponseHeaders(204, -1);
        }
        exchange.close();
    }

    private S3MediaStorage storage(String aliasHost) {
        return new S3MediaStorage(new MediaProperties.S3(true, "tsubame-media", endpoint, "garage", "GK1234",
                "secret", aliasHost, null, null));
    }

    @Test
    void putsAFileIntoTheBucketByPathSignedAndPublic() throws IOException {
        try (S3MediaStorage storage = storage(null)) {
            storage.put("attachments/ab/cd/abcd.jpg", STORED, "image/jpeg");
        }

        Request put = requests.getFirst();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.path()).isEqualTo("/tsubame-media/attachments/ab/cd/abcd.jpg");
        assertThat(put.body()).isEqualTo(STORED);
        assertThat(put.headers().getFirst("Content-Type")).isEqualTo("image/jpeg");
        assertThat(put.headers().getFirst("x-amz-acl")).isEqualTo("public-read");
        assertThat(put.headers().getFirst("Cache-Control")).contains("max-age=31536000");
        assertThat(put.headers().getFirst("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=GK1234/").contains("/garage/s3/aws4_request");
    }

    @Test
    void readsAFileAndKnowsAMissingOne() throws IOException {
        try (S3MediaStorage storage = storage(null)) {
            assertThat(storage.get("attachments/ab/cd/abcd.jpg").orElseThrow().getContentAsByteArray())
                    .isEqualTo(STORED);
            assertThat(storage.get("attachments/ab/cd/missing.jpg")).isEmpty();
            assertThat(storage.get("../outside.jpg")).isEmpty();
            storage.delete("attachments/ab/cd/abcd.jpg");
        }
        assertThat(requests).extracting(Request::method).containsExactly("GET", "GET", "DELETE");
        assertThat(requests.getLast().path()).isEqualTo("/tsubame-media/attachments/ab/cd/abcd.jpg");
    }

    @Test
    void urlsPointAtTheAliasHostTheEndpointOrAws() {
        try (S3MediaStorage aliased = storage("files.example.social");
             S3MediaStorage byEndpoint = storage(null);
             S3MediaStorage onAws = new S3MediaStorage(new MediaProperties.S3(true, "tsubame-media", null,
                     "eu-west-1", "AKIA", "secret", null, null, null))) {
            assertThat(aliased.url("attachments/a.jpg")).isEqualTo("https://files.example.social/attachments/a.jpg");
            assertThat(byEndpoint.url("attachments/a.jpg")).isEqualTo(endpoint + "/tsubame-media/attachments/a.jpg");
            assertThat(onAws.url("attachments/a.jpg"))
                    .isEqualTo("https://tsubame-media.s3.eu-west-1.amazonaws.com/attachments/a.jpg");
        }
        assertThat(requests).isEmpty();
    }
}
