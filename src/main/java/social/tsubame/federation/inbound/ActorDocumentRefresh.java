package social.tsubame.federation.inbound;

import java.io.IOException;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.RemoteAccountRefresh;

/** Fetches a remote account's actor document again; a server that cannot be reached just means "not now". */
@Component
class ActorDocumentRefresh implements RemoteAccountRefresh {

    private static final Log log = LogFactory.getLog(ActorDocumentRefresh.class);

    private final RemoteActors remoteActors;

    ActorDocumentRefresh(RemoteActors remoteActors) {
        this.remoteActors = remoteActors;
    }

    @Override
    public Optional<Account> refresh(Account remote) {
        try {
            return Optional.of(remoteActors.fetch(remote.uri()));
        } catch (IOException | RemoteActors.ActorNotFoundException | RuntimeException e) {
            log.debug("Could not fetch " + remote.uri() + " again: " + e.getMessage());
            return Optional.empty();
        }
    }
}
