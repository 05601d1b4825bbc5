package social.tsubame.core;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this server is to the rest of the fediverse: the domain in its users' handles and the one it is served from.
 *
 * @param localDomain the domain of handles ({@code alice@localDomain}); may carry a port
 * @param webDomain   the host the server answers on, when it differs from the handle domain
 * @param localHttps  whether generated URLs use https; unset means https except on a loopback development host
 */
@ConfigurationProperties("tsubame")
public record ServerIdentity(String localDomain, String webDomain, Boolean localHttps) {

    public ServerIdentity {
        localDomain = localDomain == null || localDomain.isBlank() ? "localhost:8080" : localDomain.trim();
        webDomain = webDomain == null || webDomain.isBlank() ? localDomain : webDomain.trim();
    }

    public boolean https() {
        if (localHttps != null) {
            return localHttps;
        }
        String host = webDomain.replaceFirst(":\\d+$", "");
        return !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    /** The base URL every local URI starts with, e.g. {@code https://example.social}. */
    public String baseUrl() {
        return (https() ? "https://" : "http://") + webDomain;
    }
}
