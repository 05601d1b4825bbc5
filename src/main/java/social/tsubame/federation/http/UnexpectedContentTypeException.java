package social.tsubame.federation.http;

import java.io.IOException;
import java.net.URI;

/**
 * A successful response that is not the kind of document asked for, such as an HTML page where an ActivityPub object
 * was expected. Its bytes are not trusted as that document.
 */
public class UnexpectedContentTypeException extends IOException {

    public UnexpectedContentTypeException(URI uri, String contentType) {
        super("Response from " + uri + " has content type " + (contentType == null ? "(none)" : contentType));
    }
}
