package social.tsubame.streaming;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;
import social.tsubame.filter.FilterContext;
import social.tsubame.timeline.Lists;
import social.tsubame.web.auth.ApiToken;
import social.tsubame.web.auth.Caller;

/**
 * Turns Mastodon's stream names into streams, checking who may have them. Public and tag streams are open to
 * anonymous sockets (Mastodon asks for a token unless configured otherwise; the same posts are on the public
 * timeline API without one); a socket that has a token needs {@code read:statuses} for them. The {@code user} and
 * {@code direct} streams need a signed-in user and {@code read:statuses}, {@code user:notification} needs
 * {@code read:notifications}; a {@code list} stream, {@code read:lists} and a list of the user's own.
 */
@Component
@Profile(Roles.STREAMING)
class StreamRequests {

    private static final String READ_STATUSES = "read:statuses";
    private static final String READ_NOTIFICATIONS = "read:notifications";

    private final StreamChannels channels;
    private final Lists lists;

    StreamRequests(StreamChannels channels, Lists lists) {
        this.channels = channels;
        this.lists = lists;
    }

    /** @param parameter the tag of a hashtag stream, the id of a list stream */
    Stream resolve(String name, String parameter, Optional<ApiToken> token) throws StreamRefused {
        if (name == null || name.isBlank()) {
            throw new StreamRefused(400, "Unknown stream type");
        }
        return switch (name) {
            case "user" -> {
                Caller caller = user(token, READ_STATUSES);
                yield new Stream(List.of(name), List.of(channels.home(caller.accountId()),
                        channels.notifications(caller.accountId())), false, FilterContext.HOME);
            }
            // Notifications are rendered for their recipient, their filters applied, before they are published.
            case "user:notification" -> new Stream(List.of(name),
                    List.of(channels.notifications(user(token, READ_NOTIFICATIONS).accountId())), false, null);
            case "direct" -> new Stream(List.of(name),
                    List.of(channels.direct(user(token, READ_STATUSES).accountId())), false, null);
            case "public" -> open(token, List.of(name), channels.federated());
            case "public:local" -> open(token, List.of(name), channels.local());
            case "public:remote" -> open(token, List.of(name), channels.remote());
            case "hashtag", "hashtag:local" -> {
                if (parameter == null || parameter.isBlank()) {
                    throw new StreamRefused(400, "No tag for stream provided");
                }
                yield open(token, List.of(name, parameter), channels.hashtag(parameter,
                        name.equals("hashtag:local")));
            }
            case "list" -> {
                Caller caller = user(token, "read:lists");
                long listId = lists.findOwned(listId(parameter), caller.accountId())
                        .orElseThrow(() -> new StreamRefused(404, "List not found")).id();
                yield new Stream(List.of(name, Long.toString(listId)), List.of(channels.list(listId)), false,
                        FilterContext.HOME);
            }
            default -> throw new StreamRefused(400, "Unknown stream type");
        };
    }

    /** What the process listens to for a signed-in socket besides its streams: its account's system channel. */
    Optional<Stream> system(Optional<ApiToken> token) {
        return token.flatMap(ApiToken::caller).map(caller -> Stream.system(channels.system(caller.accountId())));
    }

    private static long listId(String parameter) throws StreamRefused {
        try {
            return Long.parseLong(parameter == null ? "" : parameter.strip());
        } catch (NumberFormatException e) {
            throw new StreamRefused(400, "No list for stream provided");
        }
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
        return new Stream(name, List.of(channel), true, FilterContext.PUBLIC);
    }

    private static void requireScope(ApiToken token, String scope) throws StreamRefused {
        if (!token.allows(scope)) {
            throw new StreamRefused(401, "Access token does not have the required scopes");
        }
    }
}
