package social.tsubame.federation.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.activitystreams.AsNodes;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.core.ServerIdentity;
import social.tsubame.federation.DomainPolicy;
import social.tsubame.federation.inbound.InboundActivity;
import social.tsubame.federation.inbound.SignerKeys;
import social.tsubame.federation.mapping.ActorDocumentToProfile;
import social.tsubame.federation.outbound.DomainHealth;
import social.tsubame.federation.signature.KeyUnavailableException;
import social.tsubame.federation.signature.SignatureRejectedException;
import social.tsubame.federation.signature.SignatureVerifier;
import social.tsubame.federation.signature.VerifiedSignature;
import social.tsubame.queue.Jobs;
import social.tsubame.web.ApiError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inboxes: personal ({@code /users/{name}/inbox}), shared ({@code /inbox}) and the server actor's. A request is
 * checked in order of cost — size, type, blocked domain, JSON, signature, the sender's rate limit — and then only
 * queued: the work happens on
 * the ingress queue, so a flood costs a few milliseconds per request here.
 */
@RestController
@Profile(Roles.FEDERATION)
class InboxController {

    /** Larger than any real activity; Mastodon refuses bodies over 1 MB too. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Set<String> ACCEPTED_TYPES = Set.of("application/activity+json", "application/ld+json",
            "application/json");

    private final SignatureVerifier verifier;
    private final SignerKeys keys;
    private final DomainPolicy domains;
    private final DomainHealth health;
    private final InboundRateLimits rateLimits;
    private final Jobs jobs;
    private final JsonMapper json;
    private final ServerIdentity identity;
    private final MeterRegistry metrics;
    private final Counter accepted;

    InboxController(SignatureVerifier verifier, SignerKeys keys, DomainPolicy domains,
                    DomainHealth health, InboundRateLimits rateLimits, Jobs jobs, JsonMapper json,
                    ServerIdentity identity, MeterRegistry metrics) {
        this.verifier = verifier;
        this.keys = keys;
        this.domains = domains;
        this.health = health;
        this.rateLimits = rateLimits;
        this.jobs = jobs;
        this.json = json;
        this.identity = identity;
        this.metrics = metrics;
        // Registered up front, so that a dashboard's rate of accepts starts at zero rather than at the first one.
        this.accepted = metrics.counter("tsubame.federation.inbox.accepted");
    }

    @PostMapping({"/inbox", "/users/{username}/inbox", "/actor/inbox"})
    ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw refuse(HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
        }
        if (!ACCEPTED_TYPES.contains(mediaType(request.getContentType()))) {
            throw refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Activities must be sent as application/activity+json");
        }
        byte[] body = readBounded(request.getInputStream());
        JsonNode activity = parse(body);
        Optional<String> claimedActor = AsNodes.idOf(activity.path("actor"));
        if (claimedActor.isPresent() && domains.refuses(hostOf(claimedActor.get()))) {
            throw refuse(HttpStatus.FORBIDDEN, "Your domain is not allowed here");
        }
        SignerKeys.KeyOwner signer = verify(request, body);
        if (domains.refuses(signer.domain())) {
            throw refuse(HttpStatus.FORBIDDEN, "Your domain is not allowed here");
        }
        if (health.isUnavailable(signer.domain())) {
            // It talks to us, so it is up: deliveries to it resume.
            health.markAvailable(signer.domain());
        }
        InboundRateLimits.Admission admission = rateLimits.admit(signer.domain());
        if (!admission.admitted()) {
            // Servers retry a 429 later, so nothing they meant to send is lost.
            countRefusal(HttpStatus.TOO_MANY_REQUESTS);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, admission.retryAfter().toSeconds())))
                    .body(new ApiError("Too many activities from your server; try again later"));
        }
        InboundActivity inbound = new InboundActivity(new String(body, StandardCharsets.UTF_8), signer.uri());
        boolean throttled = domains.inboundRules(signer.domain()).throttled();
        jobs.enqueue(throttled ? InboundActivity.THROTTLED_TYPE : InboundActivity.TYPE, inbound);
        accepted.increment();
        return ResponseEntity.accepted().build();
    }

    private SignerKeys.KeyOwner verify(HttpServletRequest request, byte[] body) {
        VerifiedSignature signature;
        try {
            signature = verifier.verify(ServletSignedRequests.of(request, identity, body), keys);
        } catch (SignatureRejectedException e) {
            throw refuse(HttpStatus.UNAUTHORIZED, e.getMessage());
        } catch (KeyUnavailableException e) {
            throw refuse(HttpStatus.SERVICE_UNAVAILABLE, "The signing key could not be fetched; try again later");
        }
        return keys.ownerOf(signature.keyId())
                .orElseThrow(() -> refuse(HttpStatus.UNAUTHORIZED, "Unknown signing key"));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (!node.isObject()) {
                throw refuse(HttpStatus.BAD_REQUEST, "An activity must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw refuse(HttpStatus.BAD_REQUEST, "Body is not valid JSON");
        }
    }

    private byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw refuse(HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
        }
        return body;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private String hostOf(String uri) {
        try {
            return ActorDocumentToProfile.hostOf(URI.create(uri));
        } catch (RuntimeException e) {
            throw refuse(HttpStatus.BAD_REQUEST, "actor is not a URI");
        }
    }

    private void countRefusal(HttpStatus status) {
        metrics.counter("tsubame.federation.inbox.refused", "status", Integer.toString(status.value())).increment();
    }

    private ApiException refuse(HttpStatus status, String message) {
        countRefusal(status);
        return new ApiException(status, message);
    }
}
