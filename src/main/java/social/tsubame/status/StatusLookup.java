package social.tsubame.status;

import java.util.Optional;

/**
 * Finds a status by its ActivityPub id, asking its server when this one does not know it yet. Federation provides
 * it; features use it without knowing how.
 */
public interface StatusLookup {

    /** Empty when nobody has such a post, its server refuses us, or cannot be reached. */
    Optional<Status> lookUp(String uri);
}
