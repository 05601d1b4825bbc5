package social.tsubame.api.statuses;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.core.ApiException;
import social.tsubame.status.StatusVisibility;
import social.tsubame.web.auth.Caller;

/**
 * A status id from a request, for a status the caller may see. A malformed id, a missing status and one the caller
 * may not see all answer 404 alike, so that nothing tells them apart.
 */
@Component
class VisibleStatusIds {

    private final StatusVisibility visibility;

    VisibleStatusIds(StatusVisibility visibility) {
        this.visibility = visibility;
    }

    long require(String id, Optional<Caller> caller) {
        long statusId = parse(id);
        if (!visibility.canSee(caller.map(Caller::accountId), statusId)) {
            throw ApiException.notFound();
        }
        return statusId;
    }

    long require(String id, Caller caller) {
        return require(id, Optional.of(caller));
    }

    static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound();
        }
    }
}
