package social.tsubame.streaming;

import java.util.List;

import social.tsubame.filter.FilterContext;

/**
 * A stream a socket subscribed to: its name as frames carry it ({@code ["user"]}, {@code ["hashtag", "cats"]}), the
 * channels that feed it, whether its statuses pass the viewer's blocks and mutes first (public and tag streams; a
 * home feed was filtered when it was made), and the context whose filters of the viewer apply to its statuses
 * (null for none).
 */
record Stream(List<String> name, List<String> channels, boolean hidesBlockedAuthors, FilterContext filterContext) {

    Stream {
        name = List.copyOf(name);
        channels = List.copyOf(channels);
    }

    /** The account's system channel, which the process listens to on behalf of the socket and never forwards. */
    static Stream system(String channel) {
        return new Stream(List.of(), List.of(channel), false, null);
    }

    boolean isSystem() {
        return name.isEmpty();
    }
}
