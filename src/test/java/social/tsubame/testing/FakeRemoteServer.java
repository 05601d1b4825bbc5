package social.tsubame.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import social.tsubame.core.PemKeys;
import social.tsubame.federation.signature.CavageSigner;
import social.tsubame.federation.signature.Rfc9421Signer;
import social.tsubame.federation.signature.SigningKey;
import tools.jackson.databind.json.JsonMapper;

/**
 * Another fediverse server, as small as a test needs: it publishes the actor documents of its actors (with real RSA
 * keys), signs requests as them, accepts whatever is delivered to its inboxes, and records every request it receives.
 * Its loopback address and port ({@code 127.0.0.x:port}) are its domain.
 */
public final class FakeRemoteServer implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * One request as the server saw it.
     *
     * @param body      what a POST carried, empty for a GET
     * @param signature its {@code Signature} header; null when unsigned that way
     */
    public record Received(String method, String path, String body, String signature) {
    }

    /**
     * An actor of this server.
     *
     * @param uri        its ActivityPub id, {@code http://127.0.0.x:port/users/name}
     * @param signingKey the key it signs with; its public half is in the actor document
     */
    public record Actor(String uri, SigningKey signingKey) {

        public String keyId() {
            return signingKey.keyId();
        }

        public String path() {
            return URI.create(uri).getPath();
        }

        /** Headers signing a POST of {@code body} to {@code target} with draft-cavage, as Mastodon signs. */
        public SequencedMap<String, String> cavageHeaders(URI target, byte[] body, Instant at) {
            return new CavageSigner().sign("POST", target, body, signingKey, at);
        }

        /** Headers signing a POST of {@code body} to {@code target} with RFC 9421. */
        public SequencedMap<String, String> rfc9421Headers(URI target, byte[] body, Instant at) {
            return new Rfc9421Signer().sign("POST", target, body, signingKey, at);
        }

        /** The same actor signing with a key of its own making that it never published. */
        public Actor withUnpublishedKey() {
            return new Actor(uri, new SigningKey(keyId(),
                    PemKeys.privateKeyFromPem(PemKeys.generateRsa().privateKeyPem())));
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, String> contentTypes = new ConcurrentHashMap<>();
    private final Map<String, byte[]> webFinger = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FakeRemoteServer(String loopbackAddress) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.ofLiteral(loopbackAddress), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::answer);
        server.start();
    }

    /** A server on {@code loopbackAddress} (e.g. {@code 127.0.0.9}) and a free port. */
    public static FakeRemoteServer start(String loopbackAddress) {
        try {
            return new FakeRemoteServer(loopbackAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The domain of this server's accounts as Tsubame stores it: {@code 127.0.0.x:port}. */
    public String domain() {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + domain();
    }

    /**
     * Creates an actor with a fresh RSA key and publishes its document at {@code /users/{username}}, and its handle
     * {@code username@domain} through WebFinger.
     */
    public Actor actor(String username) {
        String uri = baseUrl() + "/users/" + username;
        PemKeys.PemKeyPair keys = PemKeys.generateRsa();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"));
        document.put("id", uri);
        document.put("type", "Person");
        document.put("preferredUsername", username);
        document.put("inbox", uri + "/inbox");
        document.put("outbox", uri + "/outbox");
        document.put("endpoints", Map.of("sharedInbox", baseUrl() + "/inbox"));
        document.put("publicKey", Map.of("id", uri + "#main-key", "owner", uri, "publicKeyPem", keys.publicKeyPem()));
        Actor actor = new Actor(uri, new SigningKey(uri + "#main-key", PemKeys.privateKeyFromPem(keys.privateKeyPem())));
        documents.put(actor.path(), JsonMapper.shared().writeValueAsBytes(document));
        String resource = "acct:" + username + "@" + domain();
        webFinger.put(resource, JsonMapper.shared().writeValueAsBytes(Map.of("subject", resource,
                "links", List.of(Map.of("rel", "self", "type", "application/activity+json", "href", uri)))));
        return actor;
    }

    /** Serves {@code document} as ActivityPub JSON at {@code path} (a post, say); returns its URI. */
    public String publish(String path, Map<String, Object> document) {
        documents.put(path, JsonMapper.shared().writeValueAsBytes(document));
        return baseUrl() + path;
    }

    /** The POSTs to {@code path}, oldest first. */
    public List<Received> postedTo(String path) {
        return received.stream().filter(r -> r.method().equals("POST") && r.path().equals(path)).toList();
    }

    /** From now on the actor's document is answered with {@code status} and no body, as by a server in trouble. */
    public void failDocumentOf(Actor actor, int status) {
        failures.put(actor.path(), status);
    }

    /** From now on the actor's document names these actor ids as its aliases ({@code alsoKnownAs}). */
    public void setAlsoKnownAs(Actor actor, String... actorIds) {
        editDocument(actor, document -> document.put("alsoKnownAs", List.of(actorIds)));
    }

    /** From now on the actor's document names {@code inboxUrl} as its inbox and shared inbox, e.g. an InboxSink's. */
    public void setInbox(Actor actor, String inboxUrl) {
        editDocument(actor, document -> {
            document.put("inbox", inboxUrl);
            document.put("endpoints", Map.of("sharedInbox", inboxUrl));
        });
    }

    @SuppressWarnings("unchecked")
    private void editDocument(Actor actor, Consumer<Map<String, Object>> edit) {
        documents.computeIfPresent(actor.path(), (path, bytes) -> {
            Map<String, Object> document = JsonMapper.shared().readValue(bytes, LinkedHashMap.class);
            edit.accept(document);
            return JsonMapper.shared().writeValueAsBytes(document);
        });
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** How many GETs of the actor's document (and so of its key) the server answered. */
    public long documentRequestsOf(Actor actor) {
        return received.stream().filter(r -> r.method().equals("GET") && r.path().equals(actor.path())).count();
    }

    /** From now on the actor's document says {@code value} for {@code property} (a new {@code name}, say). */
    public void reviseActor(Actor actor, String property, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = JsonMapper.shared().readValue(documents.get(actor.path()), LinkedHashMap.class);
        document.put(property, value);
        documents.put(actor.path(), JsonMapper.shared().writeValueAsBytes(document));
    }

    /** Serves {@code body} as {@code contentType} at {@code path} (a media file, say); returns its URL. */
    public String serveFile(String path, String contentType, byte[] body) {
        documents.put(path, body);
        contentTypes.put(path, contentType);
        return baseUrl() + path;
    }

    /**
     * POSTs {@code body} the way a remote server delivers it, with the given (signature) headers. {@code Host} is
     * left to the client, which sends the value the signers put there.
     */
    public static HttpResponse<String> post(URI target, String contentType, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), path,
                    new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst("Signature")));
            if (exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            Integer failure = failures.get(path);
            byte[] document = path.equals("/.well-known/webfinger")
                    ? webFinger.get(resourceOf(exchange.getRequestURI())) : documents.get(path);
            if (failure != null || document == null) {
                exchange.sendResponseHeaders(failure != null ? failure : 404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type",
                    contentTypes.getOrDefault(path, "application/activity+json"));
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
        }
    }

    private static String resourceOf(URI request) {
        String query = request.getRawQuery() == null ? "" : request.getRawQuery();
        return Arrays.stream(query.split("&")).filter(pair -> pair.startsWith("resource="))
                .map(pair -> URLDecoder.decode(pair.substring("resource=".length()), StandardCharsets.UTF_8))
                .findFirst().orElse("");
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
