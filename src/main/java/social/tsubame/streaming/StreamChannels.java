package social.tsubame.streaming;

import java.util.Locale;

import org.springframework.stereotype.Component;

import social.tsubame.queue.RedisKeys;

/**
 * Names of the Redis pub/sub channels that carry streaming events, Mastodon's names behind the Redis namespace. Both
 * sides use this one class: the listeners that publish and the sockets that subscribe.
 */
@Component
class StreamChannels {

    private final RedisKeys keys;

    StreamChannels(RedisKeys keys) {
        this.keys = keys;
    }

    /** What goes into an account's home feed. */
    String home(long accountId) {
        return keys.key("timeline:" + accountId);
    }

    String notifications(long accountId) {
        return keys.key("timeline:" + accountId + ":notifications");
    }

    /**
     * What the streaming processes themselves listen to for an account's sockets ({@code filters_changed}, so that
     * they load its filters again); never forwarded to clients.
     */
    String system(long accountId) {
        return keys.key("timeline:system:" + accountId);
    }

    String direct(long accountId) {
        return keys.key("timeline:direct:" + accountId);
    }

    String federated() {
        return keys.key("timeline:public");
    }

    String local() {
        return keys.key("timeline:public:local");
    }

    String remote() {
        return keys.key("timeline:public:remote");
    }

    String list(long listId) {
        return keys.key("timeline:list:" + listId);
    }

    /** Tags match whatever their case, as on the tag timeline. */
    String hashtag(String tag, boolean localOnly) {
        return keys.key("timeline:hashtag:" + tag.toLowerCase(Locale.ROOT) + (localOnly ? ":local" : ""));
    }
}
