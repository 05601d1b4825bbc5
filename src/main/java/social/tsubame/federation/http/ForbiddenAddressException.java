package social.tsubame.federation.http;

import java.net.UnknownHostException;

/**
 * A host whose every address the {@link AddressPolicy} forbids. Trying again will not help unless its DNS changes.
 * It is an {@link UnknownHostException} because it is raised where the host is resolved, and like one it ends the
 * request before any connection is opened.
 */
public class ForbiddenAddressException extends UnknownHostException {

    public ForbiddenAddressException(String message) {
        super(message);
    }
}
