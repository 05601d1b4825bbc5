package social.tsubame.federation.signature;

import java.net.URI;
import java.util.Locale;

/**
 * The parts of a request's target URI that signatures cover, in the form they take on the wire: the host as written
 * (Java's HttpClient sends it so in {@code Host}), no default port, an empty path as {@code /}, path and query still
 * percent-encoded.
 */
record TargetUri(String scheme, String host, int port, String path, String query) {

    static TargetUri of(URI uri) {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("not an http(s) URI: " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in " + uri);
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = uri.getPort() == defaultPort ? -1 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new TargetUri(scheme, uri.getHost(), port, path, uri.getRawQuery());
    }

    /** What goes into {@code Host}: the host, and the port when it is not the scheme's default. */
    String authority() {
        return port == -1 ? host : host + ":" + port;
    }

    /** RFC 9421 {@code @authority}, normalized as RFC 9110 §4.2.3 asks: hosts compare without regard to case. */
    String normalizedAuthority() {
        return authority().toLowerCase(Locale.ROOT);
    }

    /** The origin form of the request line: path and query. */
    String pathAndQuery() {
        return query == null ? path : path + "?" + query;
    }

    /** RFC 9421 {@code @query}: a lone {@code ?} when there is no query. */
    String queryComponent() {
        return "?" + (query == null ? "" : query);
    }

    /** The whole URI, without any fragment, which never reaches the server. */
    String uri() {
        return scheme + "://" + authority() + pathAndQuery();
    }
}
