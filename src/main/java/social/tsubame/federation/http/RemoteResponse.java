package social.tsubame.federation.http;

import java.net.URI;
import java.util.Locale;

/**
 * What a remote server answered, whatever the status: deciding whether a 4xx is final is the caller's business.
 *
 * @param status      the HTTP status code
 * @param headers     the response headers
 * @param body        the body, never longer than the limit of the request; empty when there was none
 * @param uri         the URI that answered, after any redirects: the one to resolve relative references against
 * @param contentType the Content-Type header as received, or {@code null} when absent
 */
public record RemoteResponse(int status, ResponseHeaders headers, byte[] body, URI uri, String contentType) {

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** The content type without its parameters, in lower case, e.g. {@code application/activity+json}; or "". */
    public String mediaType() {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
