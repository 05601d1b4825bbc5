package social.tsubame.streaming;

import java.util.List;

/**
 * A stream a socket subscribed to: its name as frames carry it ({@code ["user"]}, {@code ["hashtag", "cats"]}), the
 * channels that feed it, and whether its statuses pass the viewer's blocks and mutes first (public and tag streams;
 * a home feed was filtered when it was made).
 */
record Stream(List<String> name, List<String> channels, boolean filtered) {

    Stream {
        name = List.copyOf(name);
        channels = List.copyOf(channels);
    }
}
