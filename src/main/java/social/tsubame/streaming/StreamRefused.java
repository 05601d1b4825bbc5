package social.tsubame.streaming;

/** A stream a socket may not have, with the message and HTTP-like status Mastodon sends in its error frame. */
class StreamRefused extends Exception {

    private final int status;

    StreamRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
