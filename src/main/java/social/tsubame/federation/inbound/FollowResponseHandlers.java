package social.tsubame.federation.inbound;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.AuthorizeFollowRequest;
import social.tsubame.account.RejectFollowRequest;
import social.tsubame.activitystreams.AsNodes;
import tools.jackson.databind.JsonNode;

/**
 * {@code Accept} and {@code Reject} of a Follow a local account sent. The follow is found by its two ends: the
 * local follower named in the Follow and the remote account answering, which signed the answer; an answer from
 * anyone else finds nothing.
 */
@Component
class FollowResponseHandlers {

    private final LocalTargets targets;

    FollowResponseHandlers(LocalTargets targets) {
        this.targets = targets;
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

        AcceptHandler(FollowResponseHandlers responses, AuthorizeFollowRequest authorize) {
            this.responses = responses;
            this.authorize = authorize;
        }

        @Override
        public String activityType() {
            return "Accept";
        }

        @Override
        public void handle(IncomingActivity activity) {
            responses.localFollower(activity.json())
                    .ifPresent(follower -> authorize.authorize(activity.actor().id(), follower.id()));
        }
    }

    @Component
    static class RejectHandler implements ActivityHandler {
        private final FollowResponseHandlers responses;
        private final RejectFollowRequest reject;

        RejectHandler(FollowResponseHandlers responses, RejectFollowRequest reject) {
            this.responses = responses;
            this.reject = reject;
        }

        @Override
        public String activityType() {
            return "Reject";
        }

        @Override
        public void handle(IncomingActivity activity) {
            responses.localFollower(activity.json())
                    .ifPresent(follower -> reject.reject(activity.actor().id(), follower.id()));
        }
    }
}
