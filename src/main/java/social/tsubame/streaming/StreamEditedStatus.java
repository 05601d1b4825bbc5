package social.tsubame.streaming;

import org.springframework.stereotype.Component;

import social.tsubame.queue.EventListener;
import social.tsubame.status.StatusEvents.StatusEdited;

/** Streams an edited status as {@code status.update}, to the channels the new one went to. */
@Component
class StreamEditedStatus implements EventListener<StatusEdited> {

    private final StatusStreamer streamer;

    StreamEditedStatus(StatusStreamer streamer) {
        this.streamer = streamer;
    }

    @Override
    public String name() {
        return "streaming.edited-status";
    }

    @Override
    public Class<StatusEdited> eventType() {
        return StatusEdited.class;
    }

    @Override
    public void on(StatusEdited event) {
        streamer.publishRendered(StreamEvent.STATUS_UPDATE, event.statusId());
    }
}
