package social.tsubame.federation.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client through which federation fetches documents and delivers activities. It connects only to
 * addresses the {@link AddressPolicy} permits, bounds every wait and every body, reuses connections per host, and
 * returns any status as a {@link RemoteResponse}: failures to talk at all are {@link IOException}s.
 *
 * <p>Outbound URLs keep the scheme they come with, {@code http} or {@code https}; {@code LOCAL_HTTPS} only shapes
 * the URLs this server makes of itself.
 */
public class FederationHttpClient implements Closeable {

    /** What ActivityPub asks a client to send when it GETs an object. */
    public static final String ACTIVITY_JSON_ACCEPT =
            "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    private static final Set<String> ACTIVITY_JSON_TYPES =
            Set.of("application/activity+json", "application/ld+json", "application/json");
    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
    private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(2);
    private static final TimeValue CLOSE_AFTER_IDLE = TimeValue.ofMinutes(1);

    private final CloseableHttpClient client;
    private final GuardedDnsResolver resolver;
    private final int maxBodyBytes;
    private final int maxRedirects;
    private final Duration requestDeadline;
    /** Cuts off requests past their deadline; one daemon thread, since it only ever flips a switch. */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("federation-http-deadlines").factory());

    /**
     * @param resolver  the only way the client learns addresses, and so the SSRF guard
     * @param userAgent how this server introduces itself, e.g. {@code Tsubame/1.0 (+https://example.social)}
     */
    public FederationHttpClient(FederationHttpProperties properties, GuardedDnsResolver resolver, String userAgent) {
        this.resolver = resolver;
        this.maxBodyBytes = Math.toIntExact(properties.maxBodySize().toBytes());
        this.maxRedirects = properties.maxRedirects();
        this.requestDeadline = properties.requestDeadline();
        Timeout responseTimeout = Timeout.of(properties.responseTimeout());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setMaxConnPerRoute(properties.maxConnectionsPerRoute())
                .setMaxConnTotal(properties.maxConnectionsTotal())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(responseTimeout)
                        // Remote servers drop idle keep-alive connections without notice.
                        .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                        .build())
                .build();
        // No proxy, not even the system's: the guard must see the address of the target itself.
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(responseTimeout).build())
                .setUserAgent(userAgent)
                // Redirects are followed in fetch(), where each hop is signed for its own target.
                .disableRedirectHandling()
                // The job queues retry failed fetches and deliveries, with backoff.
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(CLOSE_AFTER_IDLE)
                .build();
    }

    /** GETs an ActivityPub object; a successful response is sure to be JSON, though not yet that it is valid. */
    public RemoteResponse fetchActivityJson(URI uri, RequestSigner signer) throws IOException {
        RemoteResponse response = fetch(uri, ACTIVITY_JSON_ACCEPT, signer);
        if (response.isSuccessful() && !ACTIVITY_JSON_TYPES.contains(response.mediaType())) {
            throw new UnexpectedContentTypeException(response.uri(), response.contentType());
        }
        return response;
    }

    /** GETs {@code uri} with a body of at most {@code tsubame.federation.http.max-body-size}. */
    public RemoteResponse fetch(URI uri, String accept, RequestSigner signer) throws IOException {
        return fetch(uri, accept, signer, maxBodyBytes);
    }

    /**
     * GETs {@code uri}, following up to {@code max-redirects} redirects to http(s) URIs; after that, or when a
     * redirect has no usable Location, the redirect itself is returned.
     *
     * @param maxBodyBytes the longest body to accept, for callers that expect more than a document (media)
     * @throws ForbiddenAddressException     when {@code uri} or a redirect leads to an address the policy forbids
     * @throws ResponseTooLargeException     when the body is longer than {@code maxBodyBytes}
     * @throws IllegalArgumentException      when {@code uri} is not an absolute http(s) URI with a host
     */
    public RemoteResponse fetch(URI uri, String accept, RequestSigner signer, int maxBodyBytes) throws IOException {
        URI target = uri;
        for (int redirects = 0; ; redirects++) {
            HttpGet get = new HttpGet(target);
            get.setHeader(HttpHeaders.ACCEPT, accept);
            RemoteResponse response = send(target, get, null, signer, maxBodyBytes);
            Optional<URI> next = redirects < maxRedirects ? redirectTarget(response) : Optional.empty();
            if (next.isEmpty()) {
                return response;
            }
            target = next.get();
        }
    }

    /**
     * POSTs {@code body}; a redirect is returned, not followed, as a delivery must not be replayed elsewhere.
     *
     * @throws ForbiddenAddressException when {@code uri} leads to an address the policy forbids
     * @throws IllegalArgumentException  when {@code uri} is not an absolute http(s) URI with a host
     */
    public RemoteResponse post(URI uri, byte[] body, String contentType, RequestSigner signer) throws IOException {
        HttpPost post = new HttpPost(uri);
        // Sent exactly as given, not rebuilt from a parsed form, since a signature may cover it.
        post.setHeader(HttpHeaders.CONTENT_TYPE, contentType);
        post.setEntity(new ByteArrayEntity(body, null));
        return send(uri, post, body, signer, maxBodyBytes);
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    private RemoteResponse send(URI uri, HttpUriRequestBase request, byte[] body, RequestSigner signer,
                                int maxBodyBytes) throws IOException {
        if (!isHttpWithHost(uri)) {
            throw new IllegalArgumentException("Not an absolute http(s) URI with a host: " + uri);
        }
        // The client skips the resolver for a route that carries an address already; refusing literals here keeps
        // the rule from depending on that.
        resolver.refuseForbiddenLiteral(uri.getHost());
        signer.headersFor(request.getMethod(), uri, body).forEach(request::setHeader);
        AtomicBoolean overdue = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            overdue.set(true);
            request.cancel();
        }, requestDeadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return exchange(uri, request, maxBodyBytes);
        } catch (IOException | RuntimeException e) {
            if (overdue.get()) {
                throw new SocketTimeoutException(uri + " took longer than " + requestDeadline);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private RemoteResponse exchange(URI uri, HttpUriRequestBase request, int maxBodyBytes) throws IOException {
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            try {
                byte[] bytes = readBody(uri, response.getEntity(), maxBodyBytes);
                ResponseHeaders headers = ResponseHeaders.of(response.getHeaders());
                return new RemoteResponse(response.getCode(), headers, bytes, uri,
                        headers.first(HttpHeaders.CONTENT_TYPE).orElse(null));
            } catch (IOException | RuntimeException e) {
                // Closing a half-read response would first read the rest of it, however long or slow; this drops
                // the connection instead.
                request.cancel();
                throw e;
            }
        }
    }

    /** Reads at most {@code limit} bytes; reaching the end of the body hands the connection back to the pool. */
    private static byte[] readBody(URI uri, HttpEntity entity, int limit) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > limit) {
            throw new ResponseTooLargeException(uri, limit);
        }
        byte[] bytes = entity.getContent().readNBytes(Math.addExact(limit, 1));
        if (bytes.length > limit) {
            throw new ResponseTooLargeException(uri, limit);
        }
        return bytes;
    }

    private static Optional<URI> redirectTarget(RemoteResponse response) {
        if (!REDIRECT_STATUSES.contains(response.status())) {
            return Optional.empty();
        }
        return response.headers().first(HttpHeaders.LOCATION).flatMap(location -> {
            try {
                URI target = response.uri().resolve(new URI(location.trim()));
                return isHttpWithHost(target) ? Optional.of(target) : Optional.empty();
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        });
    }

    private static boolean isHttpWithHost(URI uri) {
        String scheme = uri.getScheme();
        return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                && uri.getHost() != null;
    }
}
