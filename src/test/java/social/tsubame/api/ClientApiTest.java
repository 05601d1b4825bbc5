package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static social.tsubame.testing.LocalUsers.PASSWORD;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.ApiClient.Response;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

@TsubameTest
class ClientApiTest {

    private static final String ALL = "read write follow";

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    ApiClient api;
    String alice;
    String bob;
    String carol;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "alice", "bob", "carol");
        alice = api.userToken("alice", PASSWORD, ALL);
        bob = api.userToken("bob", PASSWORD, ALL);
        carol = api.userToken("carol", PASSWORD, ALL);
    }

    @Test
    void aFollowerSeesNewPostsInTheirHomeTimelineAndEveryoneInThePublicOne() {
        String aliceId = id(alice);
        JsonNode relationship = api.postForm("/api/v1/accounts/" + aliceId + "/follow", bob, Map.of()).json();
        assertThat(relationship.get("following").asBoolean()).isTrue();

        JsonNode posted = api.postJson("/api/v1/statuses", alice, Map.of("status", "Hello #fediverse from alice",
                "visibility", "public")).json();

        assertThat(posted.get("content").asString()).contains("Hello");
        assertThat(posted.get("account").get("acct").asString()).isEqualTo("alice");
        assertThat(posted.get("tags").get(0).get("name").asString()).isEqualTo("fediverse");
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(api.get("/api/v1/timelines/home", bob))
                .contains(posted.get("id").asString()));
        assertThat(ids(api.get("/api/v1/timelines/public", null))).contains(posted.get("id").asString());
        assertThat(ids(api.get("/api/v1/timelines/tag/fediverse", null))).contains(posted.get("id").asString());
        assertThat(ids(api.get("/api/v1/accounts/" + aliceId + "/statuses", carol)))
                .contains(posted.get("id").asString());
        Response page = api.get("/api/v1/timelines/public?limit=1", null);
        assertThat(page.link()).contains("max_id=").contains("rel=\"next\"").contains("min_id=");
    }

    @Test
    void followersOnlyAndDirectPostsReachOnlyTheirAudience() {
        String aliceId = id(alice);
        api.postForm("/api/v1/accounts/" + aliceId + "/follow", bob, Map.of());
        String followersOnly = api.postJson("/api/v1/statuses", alice, Map.of("status", "for followers",
                "visibility", "private")).json().get("id").asString();
        String direct = api.postJson("/api/v1/statuses", alice, Map.of("status", "@carol just you",
                "visibility", "direct")).json().get("id").asString();

        assertThat(api.get("/api/v1/statuses/" + followersOnly, bob).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/statuses/" + followersOnly, carol).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/statuses/" + followersOnly, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/statuses/" + direct, carol).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/statuses/" + direct, bob).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/timelines/public", bob))).doesNotContain(followersOnly, direct);
        assertThat(ids(api.get("/api/v1/accounts/" + aliceId + "/statuses", carol))).doesNotContain(followersOnly)
                .contains(direct);
        assertThat(ids(api.get("/api/v1/accounts/" + aliceId + "/statuses", null)))
                .doesNotContain(followersOnly, direct);
        assertThat(api.postForm("/api/v1/statuses/" + followersOnly + "/favourite", carol, Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void favouritesBoostsRepliesAndDeletionShowInTheStatus() {
        String id = api.postJson("/api/v1/statuses", alice, Map.of("status", "boost me")).json().get("id")
                .asString();

        JsonNode favourited = api.postForm("/api/v1/statuses/" + id + "/favourite", bob, Map.of()).json();
        assertThat(favourited.get("favourited").asBoolean()).isTrue();
        assertThat(favourited.get("favourites_count").asInt()).isEqualTo(1);
        JsonNode boost = api.postForm("/api/v1/statuses/" + id + "/reblog", bob, Map.of()).json();
        assertThat(boost.get("reblog").get("id").asString()).isEqualTo(id);
        assertThat(boost.get("reblog").get("reblogged").asBoolean()).isTrue();
        String reply = api.postForm("/api/v1/statuses", carol, Map.of("status", "a reply",
                "in_reply_to_id", id)).json().get("id").asString();

        JsonNode context = api.get("/api/v1/statuses/" + id + "/context", null).json();
        assertThat(context.get("descendants").get(0).get("id").asString()).isEqualTo(reply);
        JsonNode replyContext = api.get("/api/v1/statuses/" + reply + "/context", null).json();
        assertThat(replyContext.get("ancestors").get(0).get("id").asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/statuses/" + id, null).json().get("replies_count").asInt()).isEqualTo(1);

        assertThat(api.delete("/api/v1/statuses/" + id, bob).status()).isEqualTo(404);
        JsonNode deleted = api.delete("/api/v1/statuses/" + id, alice).json();
        assertThat(deleted.get("text").asString()).isEqualTo("boost me");
        assertThat(api.get("/api/v1/statuses/" + id, alice).status()).isEqualTo(404);
    }

    @Test
    void theSameIdempotencyKeyPostsOnce() {
        String first = api.postJsonWithHeader("/api/v1/statuses", alice, Map.of("status", "only once"),
                "Idempotency-Key", "key-1").json().get("id").asString();
        String second = api.postJsonWithHeader("/api/v1/statuses", alice, Map.of("status", "only once"),
                "Idempotency-Key", "key-1").json().get("id").asString();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theSignedInUserSeesTheirOwnSourceAndOthersAreFoundByHandle() {
        JsonNode me = api.get("/api/v1/accounts/verify_credentials", alice).json();
        assertThat(me.get("username").asString()).isEqualTo("alice");
        assertThat(me.get("source").get("privacy").asString()).isEqualTo("public");
        assertThat(me.get("avatar").asString()).endsWith("/avatars/original/missing.png");

        JsonNode found = api.get("/api/v1/accounts/lookup?acct=bob", null).json();
        assertThat(found.get("acct").asString()).isEqualTo("bob");
        assertThat(found.has("source")).isFalse();
        assertThat(api.get("/api/v1/accounts/lookup?acct=nobody", null).status()).isEqualTo(404);
        JsonNode relationships = api.get("/api/v1/accounts/relationships?id%5B%5D=" + found.get("id").asString(),
                alice).json();
        assertThat(relationships.get(0).get("following").asBoolean()).isFalse();
    }

    @Test
    void badRequestsAnswerInMastodonsShape() {
        Response tooLong = api.postJson("/api/v1/statuses", alice, Map.of("status", "x".repeat(501)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("error").asString()).contains("character limit");
        assertThat(api.postJson("/api/v1/statuses", alice, Map.of("status", "x", "visibility", "secret"))
                .status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/statuses", null, Map.of("status", "anonymous")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/timelines/home", "not-a-token").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/statuses/123456789", alice).status()).isEqualTo(404);

        String readOnly = api.userToken("carol", PASSWORD, "read");
        Response outsideScope = api.postJson("/api/v1/statuses", readOnly, Map.of("status", "nope"));
        assertThat(outsideScope.status()).isEqualTo(403);
        assertThat(outsideScope.json().get("error").asString()).contains("outside the authorized scopes");
    }

    @Test
    void followsAndFavouritesNotifyTheAuthorWhoCanFilterAndDismissThem() {
        String carolId = id(carol);
        api.postForm("/api/v1/notifications/clear", bob, Map.of());
        api.postForm("/api/v1/accounts/" + id(bob) + "/follow", carol, Map.of());
        String post = api.postJson("/api/v1/statuses", bob, Map.of("status", "notice me")).json().get("id")
                .asString();
        api.postForm("/api/v1/statuses/" + post + "/favourite", carol, Map.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/notifications", bob).json().size() == 2);
        JsonNode all = api.get("/api/v1/notifications", bob).json();
        assertThat(all.get(0).get("type").asString()).isEqualTo("favourite");
        assertThat(all.get(0).get("status").get("id").asString()).isEqualTo(post);
        assertThat(all.get(1).get("type").asString()).isEqualTo("follow");
        assertThat(all.get(1).get("account").get("id").asString()).isEqualTo(carolId);
        JsonNode follows = api.get("/api/v1/notifications?types%5B%5D=follow", bob).json();
        assertThat(follows.size()).isEqualTo(1);

        String followId = follows.get(0).get("id").asString();
        assertThat(api.postForm("/api/v1/notifications/" + followId + "/dismiss", carol, Map.of()).status())
                .isEqualTo(404);
        assertThat(api.postForm("/api/v1/notifications/" + followId + "/dismiss", bob, Map.of()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/notifications/" + followId, bob).status()).isEqualTo(404);
        api.postForm("/api/v1/notifications/clear", bob, Map.of());
        assertThat(api.get("/api/v1/notifications", bob).json().size()).isZero();
    }

    private String id(String token) {
        return api.get("/api/v1/accounts/verify_credentials", token).json().get("id").asString();
    }

    private static List<String> ids(Response timeline) {
        return timeline.json().valueStream().map(status -> status.get("id").asString()).toList();
    }
}
