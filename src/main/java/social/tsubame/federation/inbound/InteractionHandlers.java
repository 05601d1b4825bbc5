package social.tsubame.federation.inbound;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.activitystreams.AsNodes;
import social.tsubame.federation.mapping.NoteToRemoteStatus;
import social.tsubame.status.FavouriteStatus;
import social.tsubame.status.ReactToStatus;
import social.tsubame.status.ReceiveRemoteReblog;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import tools.jackson.databind.JsonNode;

/**
 * Likes, emoji reactions and boosts of statuses we know. Misskey sends a reaction as a {@code Like} carrying
 * {@code _misskey_reaction}; Pleroma and Akkoma send {@code EmojiReact}; both become reactions, and a plain Like a
 * favourite.
 */
@Component
class InteractionHandlers {

    private final Statuses statuses;

    InteractionHandlers(Statuses statuses) {
        this.statuses = statuses;
    }

    Optional<Status> target(JsonNode activity) {
        return AsNodes.idOf(activity.path("object")).flatMap(statuses::findByUri)
                .filter(status -> !status.isDeleted());
    }

    /** The emoji of a reaction: {@code _misskey_reaction} or {@code content}, custom shortcodes without colons. */
    static Optional<String> reaction(JsonNode activity) {
        return AsNodes.text(activity, "_misskey_reaction").or(() -> AsNodes.text(activity, "content"))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(name -> name.length() > 2 && name.startsWith(":") && name.endsWith(":")
                        ? name.substring(1, name.length() - 1) : name);
    }

    @Component
    static class LikeHandler implements ActivityHandler {
        private final InteractionHandlers interactions;
        private final FavouriteStatus favourites;
        private final ReactToStatus reactions;

        LikeHandler(InteractionHandlers interactions, FavouriteStatus favourites, ReactToStatus reactions) {
            this.interactions = interactions;
            this.favourites = favourites;
            this.reactions = reactions;
        }

        @Override
        public String activityType() {
            return "Like";
        }

        @Override
        public void handle(IncomingActivity activity) {
            String uri = AsNodes.text(activity.json(), "id").orElse(null);
            interactions.target(activity.json()).ifPresent(status -> {
                Optional<String> emoji = activity.json().has("_misskey_reaction")
                        ? reaction(activity.json()) : Optional.empty();
                if (emoji.isPresent()) {
                    reactions.react(activity.actor().id(), status.id(), emoji.get(), uri);
                } else {
                    favourites.favourite(activity.actor().id(), status.id(), uri);
                }
            });
        }
    }

    @Component
    static class EmojiReactHandler implements ActivityHandler {
        private final InteractionHandlers interactions;
        private final ReactToStatus reactions;

        EmojiReactHandler(InteractionHandlers interactions, ReactToStatus reactions) {
            this.interactions = interactions;
            this.reactions = reactions;
        }

        @Override
        public String activityType() {
            return "EmojiReact";
        }

        @Override
        public void handle(IncomingActivity activity) {
            String uri = AsNodes.text(activity.json(), "id").orElse(null);
            interactions.target(activity.json()).ifPresent(status -> reaction(activity.json())
                    .ifPresent(emoji -> reactions.react(activity.actor().id(), status.id(), emoji, uri)));
        }
    }

    @Component
    static class AnnounceHandler implements ActivityHandler {
        private final InteractionHandlers interactions;
        private final ReceiveRemoteReblog reblogs;
        private final NoteToRemoteStatus toStatus;
        private final RemoteStatuses remoteStatuses;
        private final RelayedPosts relayed;

        AnnounceHandler(InteractionHandlers interactions, ReceiveRemoteReblog reblogs, NoteToRemoteStatus toStatus,
                        RemoteStatuses remoteStatuses, RelayedPosts relayed) {
            this.interactions = interactions;
            this.reblogs = reblogs;
            this.toStatus = toStatus;
            this.remoteStatuses = remoteStatuses;
            this.relayed = relayed;
        }

        @Override
        public String activityType() {
            return "Announce";
        }

        @Override
        public void handle(IncomingActivity activity) throws Exception {
            Optional<String> uri = AsNodes.text(activity.json(), "id");
            if (uri.isEmpty()) {
                return;
            }
            if (relayed.isRelay(activity.actor().uri())) {
                // A LitePub relay passing a post on: the post is wanted, a boost by the relay is not.
                relayed.take(activity.json());
                return;
            }
            // A boost of a post we do not have yet brings it here, fetched from its own server.
            Optional<Status> original = interactions.target(activity.json());
            if (original.isEmpty()) {
                Optional<String> objectId = AsNodes.idOf(activity.json().path("object"));
                original = objectId.isPresent() ? remoteStatuses.resolve(objectId.get()) : Optional.empty();
            }
            original.ifPresent(status -> reblogs.receive(activity.actor().id(), status, uri.get(),
                    toStatus.visibilityOf(activity.json(), activity.actor())));
        }
    }
}
