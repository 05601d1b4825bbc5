package social.tsubame.federation.inbound;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.AuthorizeFollowRequest;
import social.tsubame.account.RejectFollowRequest;
import social.tsubame.activitystreams.AsNodes;
import social.tsubame.federation.relay.AnswerRelayFollow;
import tools.jackson.databind.JsonNode;

/**
 * {@code Accept} and {@code Reject} of a Follow we sent: the instance actor's Follow of a relay, found by its id, or
 * a local account's, found by its two ends: the local follower named in the Follow and the remote account
 * answering, which signed the answer; an answer from anyone else finds nothing.
 */
@Component
class FollowResponseHandlers {

    private final LocalTargets targets;

    FollowResponseHandlers(LocalTargets targets) {
        this.targets = targets;
    }

    /** The id of the Follow an answer refers to, embedded or by id. */
    static Optional<String> followId(JsonNode answer) {
        JsonNode follow = answer.path("object");
        return follow.isObject() ? AsNodes.text(follow, "id") : AsNodes.idOf(follow);
    }

    /** The local follower of the Follow an answer refers to, embedded or by id ({@code …/alice#follows/…}). */
    Optional<Account> localFollower(JsonNode answer) {
        JsonNode follow = answer.path("object");
        if (follow.isObject()) {
            if (!AsNodes.hasType(follow, "Follow")) {
                return Optional.empty();
            }
            return AsNodes.idOf(follow.path("actor")).flatMap(targets::byActorUri);
        }
        return AsNodes.idOf(follow).map(id -> id.contains("#") ? id.substring(0, id.indexOf('#')) : id)
                .flatMap(targets::byActorUri);
    }

    @Component
    static class AcceptHandler implements ActivityHandler {
        private final FollowResponseHandlers responses;
        private final AuthorizeFollowRequest authorize;
        private final AnswerRelayFollow relays;

        AcceptHandler(FollowResponseHandlers responses, AuthorizeFollowRequest authorize, AnswerRelayFollow relays) {
            this.responses = responses;
            this.authorize = authorize;
            this.relays = relays;
        }

        @Override
        public String activityType() {
            return "Accept";
        }

        @Override
        public void handle(IncomingActivity activity) {
            if (followId(activity.json()).filter(id -> relays.answer(id, activity.actor().uri(), true)).isPresent()) {
                return;
            }
            responses.localFollower(activity.json())
                    .ifPresent(follower -> authorize.authorize(activity.actor().id(), follower.id()));
        }
    }

    @Component
    static class RejectHandler implements ActivityHandler {
        private final FollowResponseHandlers responses;
        private final RejectFollowRequest reject;
        private final AnswerRelayFollow relays;

        RejectHandler(FollowResponseHandlers responses, RejectFollowRequest reject, AnswerRelayFollow relays) {
            this.responses = responses;
            this.reject = reject;
            this.relays = relays;
        }

        @Override
        public String activityType() {
            return "Reject";
        }

        @Override
        public void handle(IncomingActivity activity) {
            if (followId(activity.json()).filter(id -> relays.answer(id, activity.actor().uri(), false)).isPresent()) {
                return;
            }
            responses.localFollower(activity.json())
                    .ifPresent(follower -> reject.reject(activity.actor().id(), follower.id()));
        }
    }
}
