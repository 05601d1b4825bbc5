package social.tsubame.status;

/** What happens to statuses, for timelines, notifications and federation to react to. */
public final class StatusEvents {

    private StatusEvents() {
    }

    public record StatusCreated(long statusId, long accountId, boolean local) {
    }

    /** The uri stays with the event: the row is a tombstone by the time listeners run. */
    public record StatusDeleted(long statusId, long accountId, String uri, boolean local) {
    }
}
