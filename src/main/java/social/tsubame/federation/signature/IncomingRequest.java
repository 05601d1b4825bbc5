package social.tsubame.federation.signature;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * A request as this server received it, for checking its signature.
 *
 * @param method    the request method as received, e.g. {@code POST}
 * @param targetUri the full target URI as the server saw it: {@code scheme://authority/path?query}, the path and query
 *                  still percent-encoded as they arrived
 * @param headers   every header field of the request
 * @param body      the body's bytes exactly as received; empty when there is none
 */
public record IncomingRequest(String method, URI targetUri, HeaderFields headers, byte[] body) {

    public IncomingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(targetUri, "targetUri");
        Objects.requireNonNull(headers, "headers");
        body = body.clone();
    }

    /** A copy, so that no one can change the body after it was checked. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncomingRequest that
                && method.equals(that.method)
                && targetUri.equals(that.targetUri)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, targetUri, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "IncomingRequest[" + method + " " + targetUri + ", " + headers.fields().keySet() + ", " + body.length
                + " bytes]";
    }
}
