package social.tsubame.federation.http;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of outbound federation requests. Which private addresses may be reached is
 * {@code tsubame.federation.allowed-private-addresses} ({@code ALLOWED_PRIVATE_ADDRESSES}).
 *
 * @param connectTimeout          how long to wait for a TCP (and TLS) connection
 * @param responseTimeout         how long to wait for the response, and for each read of its body
 * @param maxBodySize             the longest body read unless a caller asks for more (1MB = 2^20 bytes); ActivityPub
 *                                documents are small
 * @param maxRedirects            redirects followed by one GET before its last response is returned as is
 * @param maxConnectionsPerRoute  open connections to one scheme, host and port
 * @param maxConnectionsTotal     open connections altogether
 * @param requestDeadline         the longest one request may take in all, however its server trickles bytes
 */
@ConfigurationProperties("tsubame.federation.http")
public record FederationHttpProperties(Duration connectTimeout, Duration responseTimeout, DataSize maxBodySize,
                                       Integer maxRedirects, Integer maxConnectionsPerRoute,
                                       Integer maxConnectionsTotal, Duration requestDeadline) {

    public FederationHttpProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        maxRedirects = maxRedirects == null ? 3 : maxRedirects;
        maxConnectionsPerRoute = maxConnectionsPerRoute == null ? 8 : maxConnectionsPerRoute;
        maxConnectionsTotal = maxConnectionsTotal == null ? 1024 : maxConnectionsTotal;
        requestDeadline = requestDeadline == null ? Duration.ofSeconds(30) : requestDeadline;
    }
}
