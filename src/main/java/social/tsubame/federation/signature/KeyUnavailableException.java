package social.tsubame.federation.signature;

/**
 * The signing key could not be fetched for now (its server timed out or answered 5xx). The request is neither
 * accepted nor refused: answer 503 so that the sender tries again later.
 */
public class KeyUnavailableException extends Exception {

    public KeyUnavailableException(String message) {
        super(message);
    }

    public KeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
