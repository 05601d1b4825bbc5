package social.tsubame.federation.inbound;

import java.io.IOException;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.HandleLookup;

/** Handles looked up with WebFinger on their server; an unreachable server just means "not found". */
@Component
class WebFingerHandleLookup implements HandleLookup {

    private static final Log log = LogFactory.getLog(WebFingerHandleLookup.class);

    private final RemoteHandles handles;

    WebFingerHandleLookup(RemoteHandles handles) {
        this.handles = handles;
    }

    @Override
    public Optional<Account> lookUp(String username, String domain) {
        try {
            return handles.resolve(username, domain);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not look up @" + username + "@" + domain + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
