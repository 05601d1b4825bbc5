package social.tsubame.streaming;

import org.springframework.stereotype.Component;

import social.tsubame.queue.EventListener;
import social.tsubame.status.StatusEvents.StatusCreated;

/** Streams a new status (or boost) as {@code update}. */
@Component
class StreamNewStatus implements EventListener<StatusCreated> {

    private final StatusStreamer streamer;

    StreamNewStatus(StatusStreamer streamer) {
        this.streamer = streamer;
    }

    @Override
    public String name() {
        return "streaming.new-status";
    }

    @Override
    public Class<StatusCreated> eventType() {
        return StatusCreated.class;
    }

    @Override
    public void on(StatusCreated event) {
        streamer.publishRendered(StreamEvent.UPDATE, event.statusId());
    }
}
