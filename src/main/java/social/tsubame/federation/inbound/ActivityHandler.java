package social.tsubame.federation.inbound;

/** Applies one type of incoming activity ({@code Follow}, {@code Accept}…). */
public interface ActivityHandler {

    String activityType();

    /** Applies the activity; called again for the same activity after a crash, so it must be idempotent. */
    void handle(IncomingActivity activity) throws Exception;
}
