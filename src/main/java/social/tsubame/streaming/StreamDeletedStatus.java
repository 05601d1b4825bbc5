package social.tsubame.streaming;

import org.springframework.stereotype.Component;

import social.tsubame.queue.EventListener;
import social.tsubame.status.StatusEvents.StatusDeleted;
import social.tsubame.status.Statuses;

/** Streams {@code delete} with the status id, so that clients take it off the screens that show it. */
@Component
class StreamDeletedStatus implements EventListener<StatusDeleted> {

    private final Statuses statuses;
    private final StatusChannels channels;
    private final StreamPublisher publisher;

    StreamDeletedStatus(Statuses statuses, StatusChannels channels, StreamPublisher publisher) {
        this.statuses = statuses;
        this.channels = channels;
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "streaming.deleted-status";
    }

    @Override
    public Class<StatusDeleted> eventType() {
        return StatusDeleted.class;
    }

    @Override
    public void on(StatusDeleted event) {
        statuses.findById(event.statusId()).ifPresent(tombstone -> publisher.publish(
                new StreamEvent(StreamEvent.DELETE, Long.toString(event.statusId())), channels.ofDeleted(tombstone)));
    }
}
