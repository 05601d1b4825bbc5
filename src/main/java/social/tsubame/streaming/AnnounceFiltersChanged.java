package social.tsubame.streaming;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Tells an account's apps that its filters changed ({@code filters_changed}, without payload, on the {@code user}
 * stream as Mastodon sends it), and the streaming processes, through the account's system channel, that the filters
 * their sockets keep for it are out of date.
 */
@Component
class AnnounceFiltersChanged {

    private final StreamChannels channels;
    private final StreamPublisher publisher;

    AnnounceFiltersChanged(StreamChannels channels, StreamPublisher publisher) {
        this.channels = channels;
        this.publisher = publisher;
    }

    void announce(long accountId) {
        publisher.publish(new StreamEvent(StreamEvent.FILTERS_CHANGED, null),
                List.of(channels.home(accountId), channels.system(accountId)));
    }
}
