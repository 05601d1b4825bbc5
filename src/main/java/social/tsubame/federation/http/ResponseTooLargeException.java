package social.tsubame.federation.http;

import java.io.IOException;
import java.net.URI;

/** A response body longer than the caller's limit; reading stopped at the limit and the connection was dropped. */
public class ResponseTooLargeException extends IOException {

    public ResponseTooLargeException(URI uri, long limit) {
        super("Response from " + uri + " is larger than " + limit + " bytes");
    }
}
