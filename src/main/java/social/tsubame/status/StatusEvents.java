package social.tsubame.status;

/** What happens to statuses, for timelines, notifications and federation to react to. */
public final class StatusEvents {

    private StatusEvents() {
    }

    /**
     * A status was posted or boosted. Its visibility and whether it has media attached let listeners that care about
     * some statuses only decline the rest without loading them; each is null in events queued before it was carried.
     */
    public record StatusCreated(long statusId, long accountId, boolean local, Visibility visibility,
                                Boolean withMedia) {

        /** Whether the status may be a direct message: it is one, or the event does not say. */
        public boolean mayBeDirect() {
            return visibility == null || visibility == Visibility.DIRECT;
        }

        /** Whether the status may have media attached: it has, or the event does not say. */
        public boolean mayHaveMedia() {
            return withMedia == null || withMedia;
        }
    }

    /** An account favourited a status; {@code favouriteId} names the favourite (and a local account's Like). */
    public record StatusFavourited(long favouriteId, long accountId, long statusId) {
    }

    /** An account took its favourite back. */
    public record FavouriteWithdrawn(long favouriteId, long accountId, long statusId) {
    }

    /** An account reacted to a status with an emoji: a unicode emoji, or a custom emoji's shortcode. */
    public record StatusReacted(long reactionId, long accountId, long statusId, String emoji) {
    }

    /** An account took its emoji reaction back. */
    public record ReactionWithdrawn(long reactionId, long accountId, long statusId, String emoji) {
    }

    /** Its author edited a status; {@code editId} names the previous version, kept in the edit history. */
    public record StatusEdited(long statusId, long accountId, long editId) {
    }

    /** The uri stays with the event: the row is a tombstone by the time listeners run. */
    public record StatusDeleted(long statusId, long accountId, String uri, boolean local) {
    }
}
