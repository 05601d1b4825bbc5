package social.tsubame.federation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Follows;
import social.tsubame.account.Role;
import social.tsubame.federation.DomainTrafficControls;
import social.tsubame.federation.inbound.RemoteActors;
import social.tsubame.queue.QueueName;
import social.tsubame.queue.RedisConnections;
import social.tsubame.queue.RedisKeys;
import social.tsubame.testing.FakeRemoteServer;
import social.tsubame.testing.FakeRemoteServer.Actor;
import social.tsubame.testing.TestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Tsubame inbox lets through, over real HTTP from a fake remote server whose actors sign with real keys: a
 * refused request leaves nothing on the ingress queues, and an accepted one whose sender lied about its actor is
 * dropped by the ingress worker without effect.
 */
class InboxSecurityTest {

    static TestServer tsubame;
    static FakeRemoteServer remote;

    @BeforeAll
    static void start() {
        tsubame = TestServer.start("127.0.0.20");
        remote = FakeRemoteServer.start("127.0.0.9");
    }

    @AfterAll
    static void stop() {
        tsubame.close();
        remote.close();
    }

    @Test
    void aFollowSignedWithDraftCavageIsAcceptedAndStored() throws Exception {
        Account alice = createUser(tsubame, "alice");
        Actor carol = remote.actor("carol");
        byte[] body = follow(carol.uri(), alice);

        HttpResponse<String> response = FakeRemoteServer.post(inboxOf(tsubame, alice), "application/activity+json",
                body, carol.cavageHeaders(inboxOf(tsubame, alice), body, Instant.now()));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(remote.documentRequestsOf(carol)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> follows(tsubame, carol, alice));
    }

    @Test
    void aFollowSignedWithRfc9421IsAcceptedAndStored() throws Exception {
        Account amy = createUser(tsubame, "amy");
        Actor cyril = remote.actor("cyril");
        byte[] body = follow(cyril.uri(), amy);
        URI sharedInbox = URI.create(tsubame.baseUrl() + "/inbox");

        HttpResponse<String> response = FakeRemoteServer.post(sharedInbox, "application/activity+json", body,
                cyril.rfc9421Headers(sharedInbox, body, Instant.now()));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(remote.documentRequestsOf(cyril)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> follows(tsubame, cyril, amy));
    }

    @Test
    void anUnsignedActivityIsRefused() throws Exception {
        Account bea = createUser(tsubame, "bea");
        Actor dan = remote.actor("dan");
        byte[] body = follow(dan.uri(), bea);

        HttpResponse<String> response = refusedWithoutQueueing(tsubame, 401, () -> FakeRemoteServer.post(
                inboxOf(tsubame, bea), "application/activity+json", body, Map.of()));

        assertThat(JsonMapper.shared().readTree(response.body()).path("error").asString()).isNotBlank();
        assertThat(remote.documentRequestsOf(dan)).isZero();
        assertNoFollowers(tsubame, bea);
    }

    @Test
    void aSignatureByAKeyTheActorDoesNotPublishIsRefused() throws Exception {
        Account cleo = createUser(tsubame, "cleo");
        Actor erin = remote.actor("erin");
        Actor impostor = erin.withUnpublishedKey();
        byte[] body = follow(erin.uri(), cleo);

        refusedWithoutQueueing(tsubame, 401, () -> FakeRemoteServer.post(inboxOf(tsubame, cleo),
                "application/activity+json", body, impostor.cavageHeaders(inboxOf(tsubame, cleo), body,
                        Instant.now())));
        refusedWithoutQueueing(tsubame, 401, () -> FakeRemoteServer.post(inboxOf(tsubame, cleo),
                "application/activity+json", body, impostor.rfc9421Headers(inboxOf(tsubame, cleo), body,
                        Instant.now())));

        assertNoFollowers(tsubame, cleo);
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() throws Exception {
        Account dora = createUser(tsubame, "dora");
        Actor frank = remote.actor("frank");
        Actor grace = remote.actor("grace");
        URI inbox = inboxOf(tsubame, dora);
        byte[] signed = follow(frank.uri(), dora);
        byte[] tampered = follow(grace.uri(), dora);

        // The signed Digest no longer matches: refused before any key is fetched.
        refusedWithoutQueueing(tsubame, 401, () -> FakeRemoteServer.post(inbox, "application/activity+json",
                tampered, frank.cavageHeaders(inbox, signed, Instant.now())));
        refusedWithoutQueueing(tsubame, 401, () -> FakeRemoteServer.post(inbox, "application/activity+json",
                tampered, frank.rfc9421Headers(inbox, signed, Instant.now())));
        assertThat(remote.documentRequestsOf(frank)).isZero();

        // A Digest made to match the new body is not the one that was signed.
        Map<String, String> redigested = new LinkedHashMap<>(frank.cavageHeaders(inbox, signed, Instant.now()));
        redigested.put("Digest", digestOf(tampered));
        refusedWithoutQueueing(tsubame, 401, () -> FakeRemoteServer.post(inbox, "application/activity+json",
                tampered, redigested));

        assertNoFollowers(tsubame, dora);
    }

    @Test
    void aDigestThatDoesNotMatchTheBodyIsRefused() throws Exception {
        Account edna = createUser(tsubame, "edna");
        Actor hank = remote.actor("hank");
        URI inbox = inboxOf(tsubame, edna);
        byte[] body = follow(hank.uri(), edna);

        Map<String, String> headers = new LinkedHashMap<>(hank.cavageHeaders(inbox, body, Instant.now()));
        headers.put("Digest", digestOf("{}".getBytes(StandardCharsets.UTF_8)));
        refusedWithoutQueueing(tsubame, 401, () -> FakeRemoteServer.post(inbox, "application/activity+json", body,
                headers));

        Map<String, String> rfcHeaders = new LinkedHashMap<>(hank.rfc9421Headers(inbox, body, Instant.now()));
        rfcHeaders.put("Content-Digest", "sha-256=:" + digestOf("{}".getBytes(StandardCharsets.UTF_8))
                .substring("SHA-256=".length()) + ":");
        refusedWithoutQueueing(tsubame, 401, () -> FakeRemoteServer.post(inbox, "application/activity+json", body,
                rfcHeaders));

        assertThat(remote.documentRequestsOf(hank)).isZero();
        assertNoFollowers(tsubame, edna);
    }

    @Test
    void aSignatureTenMinutesOldIsRefused() throws Exception {
        Account fay = createUser(tsubame, "fay");
        Actor ivan = remote.actor("ivan");
        URI inbox = inboxOf(tsubame, fay);
        byte[] body = follow(ivan.uri(), fay);
        Instant stale = Instant.now().minus(Duration.ofMinutes(10));

        refusedWithoutQueueing(tsubame, 401, () -> FakeRemoteServer.post(inbox, "application/activity+json", body,
                ivan.cavageHeaders(inbox, body, stale)));
        refusedWithoutQueueing(tsubame, 401, () -> FakeRemoteServer.post(inbox, "application/activity+json", body,
                ivan.rfc9421Headers(inbox, body, stale)));

        assertThat(remote.documentRequestsOf(ivan)).isZero();
        assertNoFollowers(tsubame, fay);
    }

    @Test
    void anActivityWhoseActorIsNotTheSignerIsDroppedByTheIngressWorker() throws Exception {
        Account gwen = createUser(tsubame, "gwen");
        Actor judy = remote.actor("judy");
        Actor kurt = remote.actor("kurt");
        Account kurtOnTsubame = tsubame.bean(RemoteActors.class).resolve(kurt.uri());
        URI inbox = inboxOf(tsubame, gwen);
        byte[] body = follow(kurt.uri(), gwen);

        droppedAsActorMismatch(() -> FakeRemoteServer.post(inbox, "application/activity+json", body,
                judy.cavageHeaders(inbox, body, Instant.now())));

        Account judyOnTsubame = tsubame.bean(Accounts.class).findByUri(judy.uri()).orElseThrow();
        assertThat(tsubame.bean(Follows.class).findPair(kurtOnTsubame.id(), gwen.id())).isEmpty();
        assertThat(tsubame.bean(Follows.class).findPair(judyOnTsubame.id(), gwen.id())).isEmpty();
        assertNoFollowers(tsubame, gwen);
    }

    @Test
    void anActivityClaimingAnActorOnAnotherHostIsDroppedByTheIngressWorker() throws Exception {
        Account hana = createUser(tsubame, "hana");
        Actor liam = remote.actor("liam");
        try (FakeRemoteServer elsewhere = FakeRemoteServer.start("127.0.0.25")) {
            Actor victim = elsewhere.actor("victim");
            Account victimOnTsubame = tsubame.bean(RemoteActors.class).resolve(victim.uri());
            URI inbox = inboxOf(tsubame, hana);
            byte[] body = follow(victim.uri(), hana);

            droppedAsActorMismatch(() -> FakeRemoteServer.post(inbox, "application/activity+json", body,
                    liam.rfc9421Headers(inbox, body, Instant.now())));

            assertThat(tsubame.bean(Follows.class).findPair(victimOnTsubame.id(), hana.id())).isEmpty();
            assertNoFollowers(tsubame, hana);
        }
    }

    @Test
    void aSuspendedDomainIsRefusedBeforeItsKeyIsFetched() throws Exception {
        Account iris = createUser(tsubame, "iris");
        // A server of its own: DomainPolicy remembers its answers for a while, so no other test may ask first.
        try (FakeRemoteServer suspended = FakeRemoteServer.start("127.0.0.22")) {
            tsubame.bean(JdbcTemplate.class).update(
                    "INSERT INTO domain_blocks (id, domain, severity) VALUES (?, ?, 'suspend')", 1L,
                    suspended.domain());
            Actor spammer = suspended.actor("spammer");
            URI inbox = inboxOf(tsubame, iris);
            byte[] body = follow(spammer.uri(), iris);

            HttpResponse<String> response = refusedWithoutQueueing(tsubame, 403, () -> FakeRemoteServer.post(inbox,
                    "application/activity+json", body, spammer.cavageHeaders(inbox, body, Instant.now())));

            assertThat(JsonMapper.shared().readTree(response.body()).path("error").asString()).isNotBlank();
            assertThat(suspended.received()).isEmpty();
            assertNoFollowers(tsubame, iris);
        }
    }

    @Test
    void bodiesThatAreTooLargeNotJsonOrOfAnotherTypeAreRefused() throws Exception {
        Account jade = createUser(tsubame, "jade");
        Actor mona = remote.actor("mona");
        URI inbox = inboxOf(tsubame, jade);

        byte[] huge = paddedFollow(mona.uri(), jade, InboxController.MAX_BODY_BYTES + 1);
        refusedWithoutQueueing(tsubame, 413, () -> FakeRemoteServer.post(inbox, "application/activity+json", huge,
                mona.cavageHeaders(inbox, huge, Instant.now())));
        refusedWithoutQueueing(tsubame, 413, () -> postChunked(inbox, huge,
                mona.cavageHeaders(inbox, huge, Instant.now())));

        byte[] body = follow(mona.uri(), jade);
        refusedWithoutQueueing(tsubame, 415, () -> FakeRemoteServer.post(inbox, "text/plain", body,
                mona.cavageHeaders(inbox, body, Instant.now())));

        byte[] broken = "{\"type\": \"Follow\", \"actor\": ".getBytes(StandardCharsets.UTF_8);
        refusedWithoutQueueing(tsubame, 400, () -> FakeRemoteServer.post(inbox, "application/activity+json", broken,
                mona.cavageHeaders(inbox, broken, Instant.now())));
        byte[] notAnObject = ("[" + new String(body, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
        refusedWithoutQueueing(tsubame, 400, () -> FakeRemoteServer.post(inbox, "application/activity+json",
                notAnObject, mona.cavageHeaders(inbox, notAnObject, Instant.now())));

        assertThat(remote.documentRequestsOf(mona)).isZero();
        assertNoFollowers(tsubame, jade);
    }

    @Test
    void aKeyThatCannotBeFetchedNowAsksTheSenderToRetry() throws Exception {
        Account kim = createUser(tsubame, "kim");
        Actor nora = remote.actor("nora");
        remote.failDocumentOf(nora, 500);
        URI inbox = inboxOf(tsubame, kim);
        byte[] body = follow(nora.uri(), kim);

        HttpResponse<String> response = refusedWithoutQueueing(tsubame, 503, () -> FakeRemoteServer.post(inbox,
                "application/activity+json", body, nora.cavageHeaders(inbox, body, Instant.now())));

        assertThat(JsonMapper.shared().readTree(response.body()).path("error").asString()).isNotBlank();
        assertThat(remote.documentRequestsOf(nora)).isPositive();
        assertThat(tsubame.bean(Accounts.class).findByUri(nora.uri())).isEmpty();
        assertNoFollowers(tsubame, kim);
    }

    @Test
    void aDomainTheOperatorThrottlesIsQueuedOnIngressLowUntilUnthrottledAndStillProcessed() throws Exception {
        Account lena = createUser(tsubame, "lena");
        try (FakeRemoteServer throttled = FakeRemoteServer.start("127.0.0.23")) {
            DomainTrafficControls controls = tsubame.bean(DomainTrafficControls.class);
            assertThat(controls.throttleInbound(throttled.domain(), true).inboundThrottled()).isTrue();
            Actor chatty = throttled.actor("chatty");
            URI inbox = inboxOf(tsubame, lena);
            byte[] body = follow(chatty.uri(), lena);
            String ingress = lastQueued(tsubame, QueueName.INGRESS);
            String ingressLow = lastQueued(tsubame, QueueName.INGRESS_LOW);

            HttpResponse<String> response = FakeRemoteServer.post(inbox, "application/activity+json", body,
                    chatty.cavageHeaders(inbox, body, Instant.now()));

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(lastQueued(tsubame, QueueName.INGRESS)).isEqualTo(ingress);
            assertThat(lastQueued(tsubame, QueueName.INGRESS_LOW)).isNotEqualTo(ingressLow);
            await().atMost(Duration.ofSeconds(30)).until(() -> follows(tsubame, chatty, lena));

            controls.throttleInbound(throttled.domain(), false);
            String lowAfterFirst = lastQueued(tsubame, QueueName.INGRESS_LOW);
            Actor quieter = throttled.actor("quieter");
            byte[] again = follow(quieter.uri(), lena);
            assertThat(FakeRemoteServer.post(inbox, "application/activity+json", again,
                    quieter.cavageHeaders(inbox, again, Instant.now())).statusCode()).isEqualTo(202);
            assertThat(lastQueued(tsubame, QueueName.INGRESS_LOW)).isEqualTo(lowAfterFirst);
            assertThat(lastQueued(tsubame, QueueName.INGRESS)).isNotEqualTo(ingress);
        }
    }

    @Test
    void aDomainOverItsRateLimitIsAskedToRetryLaterWithNothingQueued() throws Exception {
        Account max = createUser(tsubame, "max");
        try (FakeRemoteServer flooding = FakeRemoteServer.start("127.0.0.26")) {
            DomainTrafficControls controls = tsubame.bean(DomainTrafficControls.class);
            controls.limitInboundRate(flooding.domain(), 2);
            Actor loud = flooding.actor("loud");
            URI inbox = inboxOf(tsubame, max);
            for (int i = 0; i < 2; i++) {
                byte[] body = follow(loud.uri(), max);
                assertThat(FakeRemoteServer.post(inbox, "application/activity+json", body,
                        loud.cavageHeaders(inbox, body, Instant.now())).statusCode()).isEqualTo(202);
            }

            byte[] third = follow(loud.uri(), max);
            HttpResponse<String> refused = refusedWithoutQueueing(tsubame, 429, () -> FakeRemoteServer.post(inbox,
                    "application/activity+json", third, loud.cavageHeaders(inbox, third, Instant.now())));
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);

            controls.limitInboundRate(flooding.domain(), null);
            assertThat(FakeRemoteServer.post(inbox, "application/activity+json", third,
                    loud.cavageHeaders(inbox, third, Instant.now())).statusCode()).isEqualTo(202);
        }
    }

    @Test
    void aServerThatMayNotReachLoopbackNeverFetchesAKeyThere() throws Exception {
        try (TestServer guarded = TestServer.start("127.0.0.24", "--tsubame.federation.allowed-private-addresses=")) {
            Account mia = createUser(guarded, "mia");
            Actor oscar = remote.actor("oscar");
            URI inbox = inboxOf(guarded, mia);
            byte[] body = follow(oscar.uri(), guarded, mia);

            // 401, not 503: the key will never be fetched from there, so the sender must not keep retrying.
            refusedWithoutQueueing(guarded, 401, () -> FakeRemoteServer.post(inbox, "application/activity+json",
                    body, oscar.cavageHeaders(inbox, body, Instant.now())));

            assertThat(remote.documentRequestsOf(oscar)).isZero();
            assertThat(guarded.bean(Accounts.class).findByUri(oscar.uri())).isEmpty();
            assertNoFollowers(guarded, mia);
        }
    }

    private static Account createUser(TestServer server, String username) {
        Account account = server.bean(CreateLocalAccount.class).create(new CreateLocalAccount.Command(username,
                username + "@example.org", "correct horse battery", Role.USER)).account();
        return server.bean(Accounts.class).findById(account.id()).orElseThrow();
    }

    private static URI inboxOf(TestServer server, Account account) {
        return URI.create(server.baseUrl() + "/users/" + account.username() + "/inbox");
    }

    private static String actorUri(TestServer server, Account account) {
        return server.baseUrl() + "/users/" + account.username();
    }

    /** A Follow of a user of the main server. */
    private static byte[] follow(String actorUri, Account target) {
        return follow(actorUri, tsubame, target);
    }

    private static byte[] follow(String actorUri, TestServer server, Account target) {
        return JsonMapper.shared().writeValueAsBytes(followOf(actorUri, server, target));
    }

    /** A Follow grown to exactly {@code size} bytes with a property no one reads. */
    private static byte[] paddedFollow(String actorUri, Account target, int size) {
        Map<String, Object> activity = followOf(actorUri, tsubame, target);
        activity.put("padding", "");
        int unpadded = JsonMapper.shared().writeValueAsBytes(activity).length;
        activity.put("padding", "x".repeat(size - unpadded));
        byte[] body = JsonMapper.shared().writeValueAsBytes(activity);
        assertThat(body).hasSize(size);
        return body;
    }

    private static Map<String, Object> followOf(String actorUri, TestServer server, Account target) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("@context", "https://www.w3.org/ns/activitystreams");
        activity.put("id", actorUri + "#follows/" + UUID.randomUUID());
        activity.put("type", "Follow");
        activity.put("actor", actorUri);
        activity.put("object", actorUri(server, target));
        return activity;
    }

    private static String digestOf(byte[] body) throws Exception {
        return "SHA-256=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    }

    /** A POST without Content-Length, so that only reading the body tells its size. */
    private static HttpResponse<String> postChunked(URI target, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/activity+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * Sends a request that must be refused with {@code status}, in the error shape, before anything was queued.
     * Queuing happens before the inbox answers, so comparing right after the answer is enough.
     */
    private static HttpResponse<String> refusedWithoutQueueing(TestServer server, int status,
                                                               Callable<HttpResponse<String>> send) throws Exception {
        String ingress = lastQueued(server, QueueName.INGRESS);
        String ingressLow = lastQueued(server, QueueName.INGRESS_LOW);

        HttpResponse<String> response = send.call();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = JsonMapper.shared().readTree(response.body());
        assertThat(error.path("error").isString()).as(response.body()).isTrue();
        assertThat(lastQueued(server, QueueName.INGRESS)).isEqualTo(ingress);
        assertThat(lastQueued(server, QueueName.INGRESS_LOW)).isEqualTo(ingressLow);
        return response;
    }

    /** Sends a request the inbox must accept and the ingress worker then drop for an actor that is not the signer. */
    private static void droppedAsActorMismatch(Callable<HttpResponse<String>> send) throws Exception {
        double processed = inboundOutcomes(tsubame, null);
        double mismatches = inboundOutcomes(tsubame, "actor_mismatch");
        String ingress = lastQueued(tsubame, QueueName.INGRESS);

        HttpResponse<String> response = send.call();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(lastQueued(tsubame, QueueName.INGRESS)).isNotEqualTo(ingress);
        await().atMost(Duration.ofSeconds(30)).until(() -> inboundOutcomes(tsubame, null) > processed);
        assertThat(inboundOutcomes(tsubame, "actor_mismatch")).isEqualTo(mismatches + 1);
    }

    /**
     * The id of the last job ever added to a queue. Jobs are deleted once done, so the stream's length says nothing
     * about what passed through it while a worker runs; this id changes with every job added.
     */
    private static String lastQueued(TestServer server, QueueName queue) {
        var redis = server.bean(RedisConnections.class).shared().sync();
        String stream = server.bean(RedisKeys.class).key("queue:" + queue.queueName());
        if (redis.exists(stream) == 0) {
            return "0-0";
        }
        List<Object> info = redis.xinfoStream(stream);
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if ("last-generated-id".equals(info.get(i))) {
                return String.valueOf(info.get(i + 1));
            }
        }
        throw new IllegalStateException("XINFO STREAM " + stream + " has no last-generated-id: " + info);
    }

    /** Activities the ingress worker finished with {@code outcome}, or with any outcome when it is null. */
    private static double inboundOutcomes(TestServer server, String outcome) {
        var search = server.bean(MeterRegistry.class).find("tsubame.federation.inbound.activities");
        return (outcome == null ? search : search.tag("outcome", outcome)).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static boolean follows(TestServer server, Actor follower, Account target) {
        return server.bean(Accounts.class).findByUri(follower.uri())
                .flatMap(account -> server.bean(Follows.class).findPair(account.id(), target.id()))
                .isPresent();
    }

    private static void assertNoFollowers(TestServer server, Account account) {
        assertThat(server.bean(Follows.class).countFollowers(account.id())).isZero();
        assertThat(server.bean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM follow_requests WHERE target_account_id = ?", Long.class, account.id()))
                .isZero();
    }
}
