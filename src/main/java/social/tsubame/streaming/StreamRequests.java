package social.tsubame.streaming;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;
import social.tsubame.web.auth.ApiToken;
import social.tsubame.web.auth.Caller;

/**
 * Turns Mastodon's stream names into streams, checking who may have them. Public and tag streams are open to
 * anonymous sockets (Mastodon asks for a token unless configured otherwise; the same posts are on the public
 * timeline API without one); a socket that has a token needs {@code read:statuses} for them. The {@code user} and
 * {@code direct} streams need a signed-in user and {@code read:statuses}, {@code user:notification} needs
 * {@code read:notifications}. Lists do not exist yet, so neither does the {@code list} stream.
 */
@Component
@Profile(Roles.STREAMING)
class StreamRequests {

    private static final String READ_STATUSES = "read:statuses";
    private static final String READ_NOTIFICATIONS = "read:notifications";

    private final StreamChannels channels;

    StreamRequests(StreamChannels channels) {
        this.channels = channels;
    }

    Stream resolve(String name, String tag, Optional<ApiToken> token) throws StreamRefused {
        if (name == null || name.isBlank()) {
            throw new StreamRefused(400, "Unknown stream type");
        }
        return switch (name) {
            case "user" -> {
                Caller caller = user(token, READ_STATUSES);
                yield new Stream(List.of(name), List.of(channels.home(caller.accountId()),
                        channels.notifications(caller.accountId())), false);
            }
            case "user:notification" -> new Stream(List.of(name),
                    List.of(channels.notifications(user(token, READ_NOTIFICATIONS).accountId())), false);
            case "direct" -> new Stream(List.of(name),
                    List.of(channels.direct(user(token, READ_STATUSES).accountId())), false);
            case "public" -> open(token, List.of(name), channels.federated());
            case "public:local" -> open(token, List.of(name), channels.local());
            case "public:remote" -> open(token, List.of(name), channels.remote());
            case "hashtag", "hashtag:local" -> {
                if (tag == null || tag.isBlank()) {
                    throw new StreamRefused(400, "No tag for stream provided");
                }
                yield open(token, List.of(name, tag), channels.hashtag(tag, name.equals("hashtag:local")));
            }
            default -> throw new StreamRefused(400, "Unknown stream type");
        };
    }

    private static Caller user(Optional<ApiToken> token, String scope) throws StreamRefused {
        if (token.isEmpty() || token.get().caller().isEmpty()) {
            throw new StreamRefused(401, "Missing access token");
        }
        requireScope(token.get(), scope);
        return token.get().caller().get();
    }

    private static Stream open(Optional<ApiToken> token, List<String> name, String channel) throws StreamRefused {
        if (token.isPresent()) {
            requireScope(token.get(), READ_STATUSES);
        }
        return new Stream(name, List.of(channel), true);
    }

    private static void requireScope(ApiToken token, String scope) throws StreamRefused {
        if (!token.allows(scope)) {
            throw new StreamRefused(401, "Access token does not have the required scopes");
        }
    }
}
