package social.tsubame.federation.inbound;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.activitystreams.AsNodes;
import social.tsubame.status.PinStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import tools.jackson.databind.JsonNode;

/**
 * {@code Add} and {@code Remove} of a post to or from the sender's featured collection: its pinned posts. Only the
 * sender's own collection and the sender's own posts count.
 */
@Component
class FeaturedHandlers {

    private final Statuses statuses;

    FeaturedHandlers(Statuses statuses) {
        this.statuses = statuses;
    }

    /** The sender's own post named by the activity, when the activity targets the sender's featured collection. */
    Optional<Status> featuredPost(IncomingActivity activity) {
        JsonNode json = activity.json();
        boolean ownFeatured = AsNodes.idOf(json.path("target"))
                .map(target -> target.equals(activity.actor().featuredUrl()))
                .orElse(false);
        if (!ownFeatured) {
            return Optional.empty();
        }
        return AsNodes.idOf(json.path("object")).flatMap(statuses::findByUri)
                .filter(status -> status.accountId() == activity.actor().id());
    }

    @Component
    static class AddHandler implements ActivityHandler {
        private final FeaturedHandlers featured;
        private final PinStatus pins;

        AddHandler(FeaturedHandlers featured, PinStatus pins) {
            this.featured = featured;
            this.pins = pins;
        }

        @Override
        public String activityType() {
            return "Add";
        }

        @Override
        public void handle(IncomingActivity activity) {
            featured.featuredPost(activity).ifPresent(status -> pins.pin(activity.actor().id(), status.id()));
        }
    }

    @Component
    static class RemoveHandler implements ActivityHandler {
        private final FeaturedHandlers featured;
        private final PinStatus pins;

        RemoveHandler(FeaturedHandlers featured, PinStatus pins) {
            this.featured = featured;
            this.pins = pins;
        }

        @Override
        public String activityType() {
            return "Remove";
        }

        @Override
        public void handle(IncomingActivity activity) {
            featured.featuredPost(activity).ifPresent(status -> pins.unpin(activity.actor().id(), status.id()));
        }
    }
}
