package social.tsubame.streaming;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.api.model.StatusesToApiStatuses;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a status once, as an anonymous reader sees it, and publishes that one payload to all its channels: it is
 * shared by every socket of every account listening, as on Mastodon.
 */
@Component
class StatusStreamer {

    private final Statuses statuses;
    private final StatusesToApiStatuses rendering;
    private final StatusChannels channels;
    private final StreamPublisher publisher;
    private final JsonMapper json;

    StatusStreamer(Statuses statuses, StatusesToApiStatuses rendering, StatusChannels channels,
                   StreamPublisher publisher, JsonMapper json) {
        this.statuses = statuses;
        this.rendering = rendering;
        this.channels = channels;
        this.publisher = publisher;
        this.json = json;
    }

    /** Nothing goes out for a status deleted (or whose author was suspended) before the job ran. */
    void publishRendered(String event, long statusId) {
        Optional<Status> status = statuses.findById(statusId).filter(found -> !found.isDeleted());
        status.flatMap(found -> rendering.one(found.id(), Optional.empty())).ifPresent(rendered ->
                publisher.publish(new StreamEvent(event, json.writeValueAsString(rendered)),
                        channels.of(status.get())));
    }
}
