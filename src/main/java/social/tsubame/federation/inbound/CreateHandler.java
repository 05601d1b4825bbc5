package social.tsubame.federation.inbound;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import social.tsubame.activitystreams.AsNodes;
import social.tsubame.federation.mapping.NoteToRemoteStatus;
import social.tsubame.status.ReceiveRemoteStatus;
import tools.jackson.databind.JsonNode;

/**
 * {@code Create} of a post by its author. The post must be embedded and belong to the sender; a post only referenced
 * by id is not fetched yet, and is dropped.
 */
@Component
class CreateHandler implements ActivityHandler {

    private static final Log log = LogFactory.getLog(CreateHandler.class);

    private final NoteToRemoteStatus toStatus;
    private final ReceiveRemoteStatus receive;

    CreateHandler(NoteToRemoteStatus toStatus, ReceiveRemoteStatus receive) {
        this.toStatus = toStatus;
        this.receive = receive;
    }

    @Override
    public String activityType() {
        return "Create";
    }

    @Override
    public void handle(IncomingActivity activity) {
        JsonNode object = activity.json().path("object");
        if (!object.isObject() || !NoteToRemoteStatus.POST_TYPES.contains(AsNodes.typeOf(object))) {
            return;
        }
        try {
            receive.receive(toStatus.convert(object, activity.actor()));
        } catch (NoteToRemoteStatus.RejectedPostException e) {
            log.info("Dropped a Create from " + activity.actor().uri() + ": " + e.getMessage());
        }
    }
}
