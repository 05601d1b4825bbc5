package social.tsubame.federation.http;

import java.net.URI;
import java.util.Map;

/**
 * Adds the headers that authenticate one request, HTTP signatures in practice. A signature covers its target, so the
 * client asks once for every request it sends, redirect hops included, with the URI of that very request.
 */
@FunctionalInterface
public interface RequestSigner {

    /** Sends requests unsigned. */
    RequestSigner NONE = (method, uri, body) -> Map.of();

    /**
     * @param method the request method, {@code GET} or {@code POST}
     * @param uri    the URI this request goes to
     * @param body   the exact bytes of the body, or {@code null} for a request without one
     * @return headers to set on the request, replacing any of the same name
     */
    Map<String, String> headersFor(String method, URI uri, byte[] body);
}
