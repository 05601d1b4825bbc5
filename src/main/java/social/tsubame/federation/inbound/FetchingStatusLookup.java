package social.tsubame.federation.inbound;

import java.io.IOException;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import social.tsubame.status.Status;
import social.tsubame.status.StatusLookup;

/** Looks statuses up through {@link RemoteStatuses}, fetching the ones this server has not seen. */
@Component
class FetchingStatusLookup implements StatusLookup {

    private static final Log log = LogFactory.getLog(FetchingStatusLookup.class);

    private final RemoteStatuses statuses;

    FetchingStatusLookup(RemoteStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Optional<Status> lookUp(String uri) {
        try {
            return statuses.resolve(uri);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not look up " + uri + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
