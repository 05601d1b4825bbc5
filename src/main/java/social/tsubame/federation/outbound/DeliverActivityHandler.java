package social.tsubame.federation.outbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.federation.DomainPolicy;
import social.tsubame.federation.http.FederationHttpClient;
import social.tsubame.federation.http.ForbiddenAddressException;
import social.tsubame.federation.http.RemoteResponse;
import social.tsubame.federation.mapping.ActorDocumentToProfile;
import social.tsubame.queue.Job;
import social.tsubame.queue.JobHandler;
import social.tsubame.queue.JobType;

/**
 * POSTs one signed activity to one inbox. A 2xx is done; a 4xx other than 408 and 429 will never succeed and is
 * dropped; anything else is retried with backoff by the queue.
 */
@Component
class DeliverActivityHandler implements JobHandler<DeliverActivity> {

    private static final Log log = LogFactory.getLog(DeliverActivityHandler.class);

    private final Accounts accounts;
    private final FederationHttpClient http;
    private final LocalSigners signers;
    private final DomainPolicy domains;

    DeliverActivityHandler(Accounts accounts, FederationHttpClient http, LocalSigners signers, DomainPolicy domains) {
        this.accounts = accounts;
        this.http = http;
        this.signers = signers;
        this.domains = domains;
    }

    @Override
    public JobType<DeliverActivity> type() {
        return DeliverActivity.TYPE;
    }

    @Override
    public void handle(DeliverActivity delivery, Job job) throws Exception {
        Optional<Account> signer = accounts.findById(delivery.signerAccountId());
        URI inbox = URI.create(delivery.inbox());
        if (signer.isEmpty() || domains.refuses(ActorDocumentToProfile.hostOf(inbox))) {
            return;
        }
        RemoteResponse response;
        try {
            response = http.post(inbox, delivery.activity().getBytes(StandardCharsets.UTF_8),
                    "application/activity+json", signers.as(signer.get()));
        } catch (ForbiddenAddressException e) {
            log.warn("Not delivering to " + inbox + ": " + e.getMessage());
            return;
        }
        if (response.isSuccessful()) {
            return;
        }
        int status = response.status();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            log.info("Delivery to " + inbox + " refused with " + status + "; dropped");
            return;
        }
        throw new DeliveryFailedException(inbox + " answered " + status);
    }

    static class DeliveryFailedException extends Exception {
        DeliveryFailedException(String message) {
            super(message);
        }
    }
}
