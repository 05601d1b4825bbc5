package social.tsubame.federation.outbound;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

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
import social.tsubame.queue.DeferJob;
import social.tsubame.queue.Job;
import social.tsubame.queue.JobHandler;
import social.tsubame.queue.JobType;
import social.tsubame.queue.PermanentJobFailure;

/**
 * POSTs one signed activity to one inbox. A 2xx is done; a 4xx other than 408 and 429 will never succeed and is
 * dropped; anything else is retried with backoff by the queue. Servers marked unavailable are skipped, and a server
 * with all its delivery slots busy makes the job wait its turn without losing a try.
 */
@Component
class DeliverActivityHandler implements JobHandler<DeliverActivity> {

    private static final Log log = LogFactory.getLog(DeliverActivityHandler.class);

    private static final Duration BUSY_DOMAIN_WAIT = Duration.ofSeconds(2);

    private final Accounts accounts;
    private final FederationHttpClient http;
    private final LocalSigners signers;
    private final DomainPolicy domains;
    private final DomainHealth health;
    private final DomainConcurrency concurrency;
    private final MeterRegistry metrics;

    DeliverActivityHandler(Accounts accounts, FederationHttpClient http, LocalSigners signers, DomainPolicy domains,
                           DomainHealth health, DomainConcurrency concurrency, MeterRegistry metrics) {
        this.accounts = accounts;
        this.http = http;
        this.signers = signers;
        this.domains = domains;
        this.health = health;
        this.concurrency = concurrency;
        this.metrics = metrics;
    }

    @Override
    public JobType<DeliverActivity> type() {
        return DeliverActivity.TYPE;
    }

    @Override
    public void handle(DeliverActivity delivery, Job job) throws Exception {
        Optional<Account> signer = accounts.findById(delivery.signerAccountId());
        URI inbox;
        String domain;
        try {
            inbox = URI.create(delivery.inbox());
            domain = ActorDocumentToProfile.hostOf(inbox);
        } catch (RuntimeException e) {
            throw new PermanentJobFailure("Not an inbox URI: " + delivery.inbox(), e);
        }
        if (signer.isEmpty() || domains.refuses(domain)) {
            count("refused");
            return;
        }
        if (health.isUnavailable(domain)) {
            count("skipped_unavailable");
            return;
        }
        if (!concurrency.tryAcquire(domain)) {
            count("deferred_busy");
            throw new DeferJob(domain + " has all its delivery slots busy", BUSY_DOMAIN_WAIT);
        }
        try {
            post(inbox, domain, delivery, signer.get());
        } finally {
            concurrency.release(domain);
        }
    }

    private void post(URI inbox, String domain, DeliverActivity delivery, Account signer) throws Exception {
        RemoteResponse response;
        try {
            response = http.post(inbox, delivery.activity().getBytes(StandardCharsets.UTF_8),
                    "application/activity+json", signers.as(signer));
        } catch (ForbiddenAddressException e) {
            log.warn("Not delivering to " + inbox + ": " + e.getMessage());
            count("forbidden_address");
            return;
        } catch (IOException e) {
            health.recordFailure(domain);
            count("failed");
            throw e;
        }
        int status = response.status();
        if (response.isSuccessful()) {
            health.recordSuccess(domain);
            count("delivered");
            return;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            // The server answered, so it is reachable; it just will not take this one.
            health.recordSuccess(domain);
            log.info("Delivery to " + inbox + " refused with " + status + "; dropped");
            count("rejected");
            return;
        }
        health.recordFailure(domain);
        count("failed");
        throw new DeliveryFailedException(inbox + " answered " + status);
    }

    private void count(String outcome) {
        metrics.counter("tsubame.federation.deliveries", "outcome", outcome).increment();
    }

    static class DeliveryFailedException extends Exception {
        DeliveryFailedException(String message) {
            super(message);
        }
    }
}
