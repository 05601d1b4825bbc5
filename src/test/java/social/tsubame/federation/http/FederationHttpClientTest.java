package social.tsubame.federation.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static social.tsubame.federation.http.LoopbackServer.body;
import static social.tsubame.federation.http.LoopbackServer.bytes;
import static social.tsubame.federation.http.LoopbackServer.endless;
import static social.tsubame.federation.http.LoopbackServer.redirect;
import static social.tsubame.federation.http.LoopbackServer.silence;
import static social.tsubame.federation.http.LoopbackServer.stallAfterStart;
import static social.tsubame.federation.http.LoopbackServer.trickle;
import static social.tsubame.federation.http.LoopbackServer.status;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class FederationHttpClientTest {

    private static final String USER_AGENT = "Tsubame/test (+https://tsubame.test)";
    private static final String ACTIVITY_JSON = "application/activity+json";

    /** For requests the guard must refuse before anything is signed or sent. */
    private static final RequestSigner MUST_NOT_BE_REACHED = (method, uri, body) -> {
        throw new AssertionError("The request to " + uri + " got past the address check");
    };

    private final LoopbackServer server;
    private final List<FederationHttpClient> clients = new ArrayList<>();

    FederationHttpClientTest() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void close() throws IOException {
        for (FederationHttpClient client : clients) {
            client.close();
        }
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:PORT/", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]:PORT/", "http://[::ffff:127.0.0.1]:PORT/", "http://0.0.0.0:PORT/", "https://[fd00::1]/",
            "http://2130706433:PORT/"})
    void aForbiddenAddressIsRefusedBeforeAnythingIsSent(String target) {
        URI uri = URI.create(target.replace("PORT", String.valueOf(server.port())));

        assertThatThrownBy(() -> client("").fetch(uri, ACTIVITY_JSON, MUST_NOT_BE_REACHED))
                .isInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> client("").post(uri, new byte[1], ACTIVITY_JSON, MUST_NOT_BE_REACHED))
                .isInstanceOf(ForbiddenAddressException.class);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aNameResolvingToLoopbackIsRefused() {
        server.on("/", status(200));

        assertThatThrownBy(() -> client("", SystemDefaultDnsResolver.INSTANCE)
                .fetch(URI.create("http://localhost:" + server.port() + "/"), ACTIVITY_JSON, RequestSigner.NONE))
                .isInstanceOf(ForbiddenAddressException.class);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aNameResolvingToAPrivateAddressIsRefused() {
        FixedDnsResolver dns = new FixedDnsResolver().answering("evil.test", "10.1.2.3");

        assertThatThrownBy(() -> client("", dns)
                .fetch(URI.create("http://evil.test/"), ACTIVITY_JSON, RequestSigner.NONE))
                .isInstanceOf(ForbiddenAddressException.class);
        assertThat(dns.asked()).containsExactly("evil.test");
    }

    @Test
    void theClientConnectsWhereTheGuardedResolverSays() throws IOException {
        server.on("/note", body(200, ACTIVITY_JSON, "{}"));
        FixedDnsResolver dns = new FixedDnsResolver().answering("friend.test", "127.0.0.1");

        RemoteResponse response = client("127.0.0.0/8", dns)
                .fetch(URI.create("http://friend.test:" + server.port() + "/note"), ACTIVITY_JSON, RequestSigner.NONE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(server.received()).singleElement()
                .satisfies(request -> assertThat(request.headers().getFirst("Host"))
                        .isEqualTo("friend.test:" + server.port()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::1]:PORT/inside", "http://169.254.169.254/latest/meta-data/",
            "http://127.0.0.2:PORT/inside", "http://sneaky.test:PORT/inside"})
    void aRedirectToAForbiddenAddressIsRefused(String location) {
        server.on("/start", redirect(302, location.replace("PORT", String.valueOf(server.port()))));
        // 127.0.0.2 is loopback too, so a failing guard would still send nothing off this machine.
        FixedDnsResolver dns = new FixedDnsResolver().answering("sneaky.test", "127.0.0.2");

        assertThatThrownBy(() -> client("127.0.0.1/32", dns)
                .fetch(server.uri("/start"), ACTIVITY_JSON, RequestSigner.NONE))
                .isInstanceOf(ForbiddenAddressException.class);
        assertThat(server.received()).extracting(LoopbackServer.Received::path).containsExactly("/start");
    }

    @Test
    void anAllowListedLoopbackServerAnswers() throws IOException {
        server.on("/users/carol", body(200, ACTIVITY_JSON + "; charset=utf-8", "{\"id\":\"carol\"}"));

        RemoteResponse response = client("127.0.0.0/8").fetch(server.uri("/users/carol"), "application/json",
                RequestSigner.NONE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.isSuccessful()).isTrue();
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"carol\"}");
        assertThat(response.uri()).isEqualTo(server.uri("/users/carol"));
        assertThat(response.contentType()).isEqualTo(ACTIVITY_JSON + "; charset=utf-8");
        assertThat(response.mediaType()).isEqualTo(ACTIVITY_JSON);
        assertThat(response.headers().first("CONTENT-length")).contains("14");
        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.headers().getFirst("User-Agent")).isEqualTo(USER_AGENT);
            assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
        });
    }

    @Test
    void anErrorStatusIsReturnedNotThrown() throws IOException {
        server.on("/gone", body(410, "text/html", "<h1>Gone</h1>"));

        RemoteResponse response = client("127.0.0.0/8").fetchActivityJson(server.uri("/gone"), RequestSigner.NONE);

        assertThat(response.status()).isEqualTo(410);
        assertThat(response.isSuccessful()).isFalse();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBodyLongerThanTheLimitIsCutOff() throws IOException {
        int twoMebibytes = 2 * 1024 * 1024;
        server.on("/announced", bytes(twoMebibytes, false))
                .on("/streamed", bytes(twoMebibytes, true))
                .on("/endless", endless())
                .on("/small", body(200, ACTIVITY_JSON, "{}"));
        FederationHttpClient client = client("127.0.0.0/8");

        // More tries than pooled connections per route: a cut-off response must not keep its connection.
        for (int i = 0; i < 10; i++) {
            for (String path : List.of("/announced", "/streamed", "/endless")) {
                assertThatThrownBy(() -> client.fetch(server.uri(path), "*/*", RequestSigner.NONE))
                        .isInstanceOf(ResponseTooLargeException.class);
            }
        }

        assertThat(client.fetch(server.uri("/small"), ACTIVITY_JSON, RequestSigner.NONE).status()).isEqualTo(200);
        assertThat(client.fetch(server.uri("/streamed"), "*/*", RequestSigner.NONE, 4 * 1024 * 1024).body())
                .hasSize(twoMebibytes);
    }

    @Test
    void anActivityFetchAcceptsOnlyJsonTypes() throws IOException {
        server.on("/activity", body(200, ACTIVITY_JSON, "{}"))
                .on("/ld", body(200, "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"", "{}"))
                .on("/json", body(200, "Application/JSON; charset=utf-8", "{}"))
                .on("/html", body(200, "text/html", "<html></html>"))
                .on("/untyped", body(200, null, "{}"));
        FederationHttpClient client = client("127.0.0.0/8");

        for (String path : List.of("/activity", "/ld", "/json")) {
            assertThat(client.fetchActivityJson(server.uri(path), RequestSigner.NONE).status()).isEqualTo(200);
        }
        for (String path : List.of("/html", "/untyped")) {
            assertThatThrownBy(() -> client.fetchActivityJson(server.uri(path), RequestSigner.NONE))
                    .isInstanceOf(UnexpectedContentTypeException.class);
        }
        assertThat(server.received()).allSatisfy(request -> assertThat(request.headers().getFirst("Accept"))
                .isEqualTo("application/activity+json, application/ld+json; "
                        + "profile=\"https://www.w3.org/ns/activitystreams\""));
    }

    @Test
    void everyRedirectHopIsSignedForItsOwnTarget() throws IOException {
        server.on("/a", redirect(302, "/b"))
                .on("/b", redirect(301, server.uri("/c").toString()))
                .on("/c", redirect(308, "c2?page=2"))
                .on("/c2", body(200, ACTIVITY_JSON, "{}"));
        List<String> signed = new CopyOnWriteArrayList<>();
        RequestSigner signer = (method, uri, body) -> {
            signed.add(method + " " + uri);
            return Map.of("Signature", "for " + uri.getPath());
        };

        RemoteResponse response = client("127.0.0.0/8").fetchActivityJson(server.uri("/a"), signer);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.uri()).isEqualTo(server.uri("/c2?page=2"));
        assertThat(signed).containsExactly("GET " + server.uri("/a"), "GET " + server.uri("/b"),
                "GET " + server.uri("/c"), "GET " + server.uri("/c2?page=2"));
        assertThat(server.received()).extracting(request -> request.headers().getFirst("Signature"))
                .containsExactly("for /a", "for /b", "for /c", "for /c2");
    }

    @Test
    void redirectsStopAtTheLimit() throws IOException {
        for (int i = 1; i <= 5; i++) {
            server.on("/hop" + i, redirect(302, "/hop" + (i + 1)));
        }

        RemoteResponse response = client("127.0.0.0/8").fetch(server.uri("/hop1"), ACTIVITY_JSON, RequestSigner.NONE);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.uri()).isEqualTo(server.uri("/hop4"));
        assertThat(server.received()).extracting(LoopbackServer.Received::path)
                .containsExactly("/hop1", "/hop2", "/hop3", "/hop4");
    }

    @Test
    void aRedirectToAnotherSchemeIsReturnedNotFollowed() throws IOException {
        server.on("/elsewhere", redirect(302, "ftp://example.org/file"));

        RemoteResponse response = client("127.0.0.0/8").fetch(server.uri("/elsewhere"), "*/*", RequestSigner.NONE);

        assertThat(response.status()).isEqualTo(302);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aPostSendsTheBodyAndTheSignersHeaders() throws IOException {
        server.on("/inbox", status(202));
        byte[] activity = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);
        String contentType = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
        List<String> signed = new CopyOnWriteArrayList<>();
        RequestSigner signer = (method, uri, body) -> {
            signed.add(method + " " + uri + " " + new String(body, StandardCharsets.UTF_8));
            return Map.of("Signature", "keyId=\"alice\"", "Digest", "SHA-256=abc", "Date", "Tue, 07 Jun 2033 20:51:35 GMT");
        };

        RemoteResponse response = client("127.0.0.0/8").post(server.uri("/inbox"), activity, contentType, signer);

        assertThat(response.status()).isEqualTo(202);
        assertThat(signed).containsExactly("POST " + server.uri("/inbox") + " {\"type\":\"Follow\"}");
        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.body()).isEqualTo(activity);
            assertThat(request.headers().getFirst("Content-Type")).isEqualTo(contentType);
            assertThat(request.headers().getFirst("Signature")).isEqualTo("keyId=\"alice\"");
            assertThat(request.headers().getFirst("Digest")).isEqualTo("SHA-256=abc");
            assertThat(request.headers().getFirst("Date")).isEqualTo("Tue, 07 Jun 2033 20:51:35 GMT");
            assertThat(request.headers().getFirst("User-Agent")).isEqualTo(USER_AGENT);
        });
    }

    @Test
    void aPostIsNotRedirected() throws IOException {
        server.on("/inbox", redirect(307, "/other-inbox")).on("/other-inbox", status(202));

        RemoteResponse response = client("127.0.0.0/8")
                .post(server.uri("/inbox"), new byte[] {'{', '}'}, ACTIVITY_JSON, RequestSigner.NONE);

        assertThat(response.status()).isEqualTo(307);
        assertThat(server.received()).extracting(LoopbackServer.Received::path).containsExactly("/inbox");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        server.on("/silent", silence()).on("/stalled", stallAfterStart());
        FederationHttpClient client = client("127.0.0.0/8", new FixedDnsResolver(), Duration.ofMillis(300));

        for (String path : List.of("/silent", "/stalled")) {
            assertThatThrownBy(() -> client.fetch(server.uri(path), ACTIVITY_JSON, RequestSigner.NONE))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aServerTricklingBytesIsCutOffAtTheRequestDeadline() {
        server.on("/trickle", trickle(Duration.ofMillis(100)));
        var properties = new FederationHttpProperties(Duration.ofSeconds(2), Duration.ofSeconds(5),
                DataSize.ofMegabytes(1), null, null, null, Duration.ofSeconds(1));
        var client = new FederationHttpClient(properties, new GuardedDnsResolver(AddressPolicy.allowing("127.0.0.0/8"),
                new FixedDnsResolver()), USER_AGENT);
        clients.add(client);

        assertThatThrownBy(() -> client.fetch(server.uri("/trickle"), ACTIVITY_JSON, RequestSigner.NONE))
                .isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("took longer than");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/file", "file:///etc/passwd", "/relative", "http:opaque"})
    void onlyAbsoluteHttpUrisAreFetched(String target) {
        assertThatIllegalArgumentException().isThrownBy(() -> client("127.0.0.0/8")
                .fetch(URI.create(target), "*/*", MUST_NOT_BE_REACHED));
    }

    private FederationHttpClient client(String allowList) {
        return client(allowList, new FixedDnsResolver());
    }

    private FederationHttpClient client(String allowList, DnsResolver dns) {
        return client(allowList, dns, Duration.ofSeconds(10));
    }

    private FederationHttpClient client(String allowList, DnsResolver dns, Duration responseTimeout) {
        var properties = new FederationHttpProperties(Duration.ofSeconds(2), responseTimeout, DataSize.ofMegabytes(1),
                null, null, null, null);
        var client = new FederationHttpClient(properties, new GuardedDnsResolver(AddressPolicy.allowing(allowList), dns),
                USER_AGENT);
        clients.add(client);
        return client;
    }
}
