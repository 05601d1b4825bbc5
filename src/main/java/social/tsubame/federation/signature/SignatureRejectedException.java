package social.tsubame.federation.signature;

/** The request carries no signature this server accepts; answer 401. The message says why, fit for the sender. */
public class SignatureRejectedException extends Exception {

    public SignatureRejectedException(String message) {
        super(message);
    }
}
