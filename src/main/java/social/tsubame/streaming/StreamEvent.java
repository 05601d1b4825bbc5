package social.tsubame.streaming;

/**
 * One event on a channel, as Mastodon puts it there: the event's name ({@code update}, {@code delete},
 * {@code notification}...) and its payload, already a JSON string (or a bare id for {@code delete}, none for
 * {@code filters_changed}), so that each socket forwards it without rendering it again.
 */
record StreamEvent(String event, String payload) {

    static final String UPDATE = "update";
    static final String STATUS_UPDATE = "status.update";
    static final String DELETE = "delete";
    static final String NOTIFICATION = "notification";
    static final String FILTERS_CHANGED = "filters_changed";
    static final String CONVERSATION = "conversation";

    boolean carriesStatus() {
        return UPDATE.equals(event) || STATUS_UPDATE.equals(event);
    }
}
