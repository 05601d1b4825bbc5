package social.tsubame.federation.inbound;

import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import social.tsubame.activitystreams.AsNodes;
import social.tsubame.federation.mapping.NoteToRemoteStatus;
import social.tsubame.status.ReceiveRemoteStatus;
import social.tsubame.status.Status;
import tools.jackson.databind.JsonNode;

/**
 * {@code Create} of a post. A post embedded by its own author is taken as sent; a post only named by id, or one
 * forwarded by someone other than its author, is fetched from its origin instead. Missing parents are fetched up the
 * thread on the pull queue.
 */
@Component
class CreateHandler implements ActivityHandler {

    private static final Log log = LogFactory.getLog(CreateHandler.class);

    private final NoteToRemoteStatus toStatus;
    private final ReceiveRemoteStatus receive;
    private final RemoteStatuses remoteStatuses;
    private final FetchThread fetchThread;

    CreateHandler(NoteToRemoteStatus toStatus, ReceiveRemoteStatus receive, RemoteStatuses remoteStatuses,
                  FetchThread fetchThread) {
        this.toStatus = toStatus;
        this.receive = receive;
        this.remoteStatuses = remoteStatuses;
        this.fetchThread = fetchThread;
    }

    @Override
    public String activityType() {
        return "Create";
    }

    @Override
    public void handle(IncomingActivity activity) throws Exception {
        JsonNode object = activity.json().path("object");
        Optional<Status> stored;
        if (object.isObject() && AsNodes.idOf(object.path("attributedTo")).map(activity.actor().uri()::equals)
                .orElse(false)) {
            if (!NoteToRemoteStatus.POST_TYPES.contains(AsNodes.typeOf(object))) {
                return;
            }
            stored = receiveEmbedded(object, activity);
        } else {
            Optional<String> id = AsNodes.idOf(object);
            stored = id.isPresent() ? remoteStatuses.resolve(id.get()) : Optional.empty();
        }
        stored.ifPresent(status -> fetchThread.fetchParentOf(status, 1));
    }

    private Optional<Status> receiveEmbedded(JsonNode object, IncomingActivity activity) {
        try {
            return receive.receive(toStatus.convert(object, activity.actor()));
        } catch (NoteToRemoteStatus.RejectedPostException e) {
            log.info("Dropped a Create from " + activity.actor().uri() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
