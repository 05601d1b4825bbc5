package social.tsubame.queue;

/** Thrown by a handler when trying again cannot help; the job goes straight to the dead letters. */
public class PermanentJobFailure extends RuntimeException {

    public PermanentJobFailure(String message) {
        super(message);
    }

    public PermanentJobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
