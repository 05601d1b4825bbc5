package social.tsubame.federation.inbound;

import java.net.URI;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import social.tsubame.account.RemoteAccounts;
import social.tsubame.activitystreams.AsNodes;
import social.tsubame.federation.mapping.ActorDocumentToProfile;
import social.tsubame.federation.mapping.NoteToRemoteStatus;
import social.tsubame.status.EditRemoteStatus;
import tools.jackson.databind.JsonNode;

/**
 * {@code Update} of the sender's own profile (a new name, bio or key) or of one of its posts (an edit). Anything
 * else, and anyone else's profile or post, is left alone.
 */
@Component
class UpdateHandler implements ActivityHandler {

    private static final Log log = LogFactory.getLog(UpdateHandler.class);

    private final ActorDocumentToProfile toProfile;
    private final RemoteAccounts remoteAccounts;
    private final NoteToRemoteStatus toStatus;
    private final EditRemoteStatus editStatus;

    UpdateHandler(ActorDocumentToProfile toProfile, RemoteAccounts remoteAccounts, NoteToRemoteStatus toStatus,
                  EditRemoteStatus editStatus) {
        this.toProfile = toProfile;
        this.remoteAccounts = remoteAccounts;
        this.toStatus = toStatus;
        this.editStatus = editStatus;
    }

    @Override
    public String activityType() {
        return "Update";
    }

    @Override
    public void handle(IncomingActivity activity) {
        JsonNode object = activity.json().path("object");
        if (!object.isObject()) {
            return;
        }
        try {
            if (NoteToRemoteStatus.POST_TYPES.contains(AsNodes.typeOf(object))) {
                editStatus.edit(toStatus.convert(object, activity.actor()));
            } else if (AsNodes.text(object, "id").map(activity.actor().uri()::equals).orElse(false)) {
                remoteAccounts.upsert(toProfile.convert(object, URI.create(activity.actor().uri())));
            }
        } catch (NoteToRemoteStatus.RejectedPostException | ActorDocumentToProfile.InvalidActorException e) {
            log.info("Dropped an Update from " + activity.actor().uri() + ": " + e.getMessage());
        }
    }
}
