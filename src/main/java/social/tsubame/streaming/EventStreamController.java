package social.tsubame.streaming;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import social.tsubame.boot.Roles;
import social.tsubame.web.ApiError;
import social.tsubame.web.auth.ApiToken;
import social.tsubame.web.auth.ApiTokens;

/**
 * Mastodon's streaming API over server-sent events, for clients that do not use the WebSocket: one stream per
 * response, named by the path ({@code /api/v1/streaming/hashtag/local?tag=cats}), with the same checks, filters and
 * events as a socket. A stream the caller may not have is answered with its HTTP status before anything streams.
 */
@RestController
@Profile(Roles.STREAMING)
class EventStreamController {

    private static final String PREFIX = "/api/v1/streaming";

    private static final Map<String, String> STREAMS = Map.of(
            PREFIX + "/user", "user",
            PREFIX + "/user/notification", "user:notification",
            PREFIX + "/public", "public",
            PREFIX + "/public/local", "public:local",
            PREFIX + "/public/remote", "public:remote",
            PREFIX + "/hashtag", "hashtag",
            PREFIX + "/hashtag/local", "hashtag:local",
            PREFIX + "/list", "list",
            PREFIX + "/direct", "direct");

    private final StreamRequests requests;
    private final ChannelSubscriptions subscriptions;
    private final OpenSockets sockets;
    private final ApiTokens tokens;
    private final int sendQueueCapacity;

    EventStreamController(StreamRequests requests, ChannelSubscriptions subscriptions, OpenSockets sockets,
                          ApiTokens tokens, @Value("${tsubame.streaming.send-queue:256}") int sendQueueCapacity) {
        this.requests = requests;
        this.subscriptions = subscriptions;
        this.sockets = sockets;
        this.tokens = tokens;
        this.sendQueueCapacity = sendQueueCapacity;
    }

    @GetMapping({PREFIX + "/user", PREFIX + "/user/notification", PREFIX + "/public", PREFIX + "/public/local",
            PREFIX + "/public/remote", PREFIX + "/hashtag", PREFIX + "/hashtag/local", PREFIX + "/list",
            PREFIX + "/direct"})
    ResponseEntity<?> stream(HttpServletRequest request, @RequestParam(name = "tag", required = false) String tag,
                             @RequestParam(name = "list", required = false) String list) {
        Optional<String> bearerToken = PresentedTokens.of(request);
        Optional<ApiToken> token = bearerToken.flatMap(tokens::find);
        if (bearerToken.isPresent() && token.isEmpty()) {
            return refusal(HttpStatus.UNAUTHORIZED.value(), "The access token is invalid");
        }
        Stream stream;
        try {
            stream = requests.resolve(STREAMS.get(request.getRequestURI()), tag != null ? tag : list, token);
        } catch (StreamRefused refused) {
            return refusal(refused.status(), refused.getMessage());
        }
        // No timeout: the stream lasts until the client leaves or its token stops being good.
        SseEmitter emitter = new SseEmitter(0L);
        EventStreamConnection connection = new EventStreamConnection(emitter, bearerToken, token,
                sendQueueCapacity);
        Runnable ended = () -> {
            connection.ended();
            subscriptions.unsubscribeAll(connection);
            sockets.remove(connection);
        };
        emitter.onCompletion(ended);
        emitter.onTimeout(ended);
        emitter.onError(failure -> ended.run());
        connection.start();
        sockets.add(connection);
        requests.system(token).ifPresent(system -> subscriptions.subscribe(connection, system));
        subscriptions.subscribe(connection, stream);
        // Sent at once, so that the client sees the stream open.
        connection.heartbeat();
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(emitter);
    }

    /** Mastodon's error body, typed here so that it is written whatever the client said it accepts. */
    private static ResponseEntity<ApiError> refusal(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(message));
    }
}
