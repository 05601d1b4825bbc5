package social.tsubame.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.FollowAccount;
import social.tsubame.account.Follows;
import social.tsubame.account.Role;
import social.tsubame.federation.inbound.RemoteActors;
import social.tsubame.status.DeleteStatus;
import social.tsubame.status.FavouriteStatus;
import social.tsubame.status.PostStatus;
import social.tsubame.status.ReblogStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import social.tsubame.status.Visibility;
import social.tsubame.testing.TestServer;
import social.tsubame.timeline.HomeFeeds;

/** Posts travel between two servers to exactly the followers who may see them. */
class StatusFederationTest {

    static TestServer a;
    static TestServer b;
    static Account alice;
    static Account bob;
    static Account bobOnA;

    @BeforeAll
    static void followAcrossServers() throws Exception {
        a = TestServer.start("127.0.0.4");
        b = TestServer.start("127.0.0.5");
        alice = a.bean(CreateLocalAccount.class).create(new CreateLocalAccount.Command("alice", "alice@example.org",
                "correct horse battery", Role.USER)).account();
        bob = b.bean(CreateLocalAccount.class).create(new CreateLocalAccount.Command("bob", "bob@example.org",
                "correct horse battery", Role.USER)).account();
        bobOnA = a.bean(RemoteActors.class).resolve(b.baseUrl() + "/users/bob");
        a.bean(FollowAccount.class).follow(alice.id(), bobOnA.id(), true, false);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> a.bean(Follows.class).findPair(alice.id(), bobOnA.id()).isPresent());
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    private static Status post(String text, Visibility visibility) {
        return b.bean(PostStatus.class).post(new PostStatus.Command(bob.id(), text, null, false, visibility, "en",
                null, List.of()));
    }

    private static Optional<Status> onA(Status original) {
        return a.bean(Statuses.class).findByUri(original.uri());
    }

    private static List<Long> aliceFeed() {
        return a.bean(HomeFeeds.class).read(alice.id(), null, null, 40);
    }

    @Test
    void publicAndFollowersOnlyPostsReachTheFollowerButDirectOnesDoNot() {
        Status hello = post("Hello from B, see https://example.org/a/very/long/link #introductions", Visibility.PUBLIC);
        Status followersOnly = post("Only for my followers", Visibility.PRIVATE);
        Status direct = post("A secret for nobody", Visibility.DIRECT);
        Status marker = post("Last one", Visibility.PUBLIC);

        // Each post is its own delivery: they may arrive in any order.
        await().atMost(Duration.ofSeconds(30)).until(() -> onA(marker).isPresent() && onA(hello).isPresent()
                && onA(followersOnly).isPresent() && aliceFeed().contains(onA(marker).get().id())
                && aliceFeed().contains(onA(hello).get().id())
                && aliceFeed().contains(onA(followersOnly).get().id()));
        Status helloOnA = onA(hello).orElseThrow();
        assertThat(helloOnA.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(helloOnA.accountId()).isEqualTo(bobOnA.id());
        assertThat(helloOnA.content()).contains("Hello from B").contains("href=\"https://example.org/a/very/long/link\"");
        assertThat(a.bean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM status_tags st JOIN tags t "
                + "ON t.id = st.tag_id WHERE st.status_id = ? AND t.name = 'introductions'", Integer.class,
                helloOnA.id())).as("the hashtag travelled as a tag").isEqualTo(1);
        Status followersOnlyOnA = onA(followersOnly).orElseThrow();
        assertThat(followersOnlyOnA.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(aliceFeed()).contains(helloOnA.id(), followersOnlyOnA.id());
        assertThat(onA(direct)).as("a direct post mentioning nobody leaves its server for nobody").isEmpty();
    }

    @Test
    void mentioningAHandleTheServerDoesNotKnowYetLooksItUpAndDeliversToIt() {
        Account carla = a.bean(CreateLocalAccount.class).create(new CreateLocalAccount.Command("carla",
                "carla@example.org", "correct horse battery", Role.USER)).account();

        Status note = post("@carla@" + a.domain() + " a word for you only", Visibility.DIRECT);

        assertThat(note.content()).contains("href=\"" + a.baseUrl() + "/@carla\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> onA(note).isPresent());
        assertThat(a.bean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM mentions WHERE status_id = ? "
                + "AND account_id = ?", Integer.class, onA(note).get().id(), carla.id())).isEqualTo(1);
    }

    @Test
    void aDeletedPostLeavesTheFollowersFeedAndBecomesATombstone() throws Exception {
        Status regret = post("I will regret this", Visibility.PUBLIC);
        await().atMost(Duration.ofSeconds(30)).until(() -> onA(regret).isPresent());
        long regretOnA = onA(regret).get().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> aliceFeed().contains(regretOnA));

        b.bean(DeleteStatus.class).delete(regret.id(), bob.id());

        await().atMost(Duration.ofSeconds(30)).until(() -> onA(regret).map(Status::isDeleted).orElse(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> !aliceFeed().contains(regretOnA));
        HttpResponse<String> gone = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(regret.uri()))
                .header("Accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).isEqualTo(410);
    }

    @Test
    void aPublicPostIsServedAsANoteAtItsId() throws Exception {
        Status shown = post("Fetch me", Visibility.PUBLIC);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(shown.uri()))
                .header("Accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"type\":\"Note\"").contains("Fetch me")
                .contains("\"attributedTo\":\"" + b.baseUrl() + "/users/bob\"")
                .contains("https://www.w3.org/ns/activitystreams#Public");
        Status hidden = post("Followers only, not for the public", Visibility.PRIVATE);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hidden.uri()))
                .header("Accept", "application/activity+json").build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(404);
    }

    private static String get(String uri) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri))
                .header("Accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri).isEqualTo(200);
        return response.body();
    }

    @Test
    void theCollectionsOfAnActorListFollowersFollowingAndPublicPosts() throws Exception {
        Status listed = post("In the outbox", Visibility.PUBLIC);
        post("Not in the outbox", Visibility.PRIVATE);
        String followers = b.baseUrl() + "/users/bob/followers";
        assertThat(get(followers)).contains("\"type\":\"OrderedCollection\"").contains("\"totalItems\":1")
                .contains("\"first\":\"" + followers + "?page=true\"");
        assertThat(get(followers + "?page=true")).contains("\"type\":\"OrderedCollectionPage\"")
                .contains(a.baseUrl() + "/users/alice");
        assertThat(get(a.baseUrl() + "/users/alice/following?page=true")).contains(b.baseUrl() + "/users/bob");
        String outbox = get(b.baseUrl() + "/users/bob/outbox?page=true");
        assertThat(outbox).contains(listed.uri()).contains("\"type\":\"Create\"").doesNotContain("Not in the outbox");
        assertThat(get(b.baseUrl() + "/users/bob/collections/featured")).contains("\"totalItems\":0");
    }

    @Test
    void aReplyToAnUnknownPostBringsItsParentAlong() {
        Account carol = b.bean(CreateLocalAccount.class).create(new CreateLocalAccount.Command("carol",
                "carol@example.org", "correct horse battery", Role.USER)).account();
        Status question = b.bean(PostStatus.class).post(new PostStatus.Command(carol.id(), "Anyone up for tea?",
                null, false, Visibility.PUBLIC, "en", null, List.of()));
        Status reply = b.bean(PostStatus.class).post(new PostStatus.Command(bob.id(), "Always!", null, false,
                Visibility.PUBLIC, "en", question.id(), List.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> onA(reply).isPresent() && onA(question).isPresent()
                && onA(reply).get().inReplyToId() != null);
        Status questionOnA = onA(question).orElseThrow();
        assertThat(onA(reply).get().inReplyToId()).isEqualTo(questionOnA.id());
        assertThat(questionOnA.content()).contains("Anyone up for tea?");
        assertThat(a.bean(Accounts.class).findById(questionOnA.accountId()).orElseThrow()
                .uri()).isEqualTo(b.baseUrl() + "/users/carol");
    }

    private static int countOnB(String column, Status status) {
        return b.bean(JdbcTemplate.class).queryForObject(
                "SELECT " + column + " FROM statuses WHERE id = ?", Integer.class, status.id());
    }

    @Test
    void favouritesAndBoostsOfARemotePostReachItsServerAndCanBeTakenBack() {
        Status liked = post("Like and boost me", Visibility.PUBLIC);
        await().atMost(Duration.ofSeconds(30)).until(() -> onA(liked).isPresent());
        Status likedOnA = onA(liked).get();

        a.bean(FavouriteStatus.class).favourite(alice.id(), likedOnA.id(), null);
        a.bean(ReblogStatus.class).reblog(alice.id(), likedOnA.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> countOnB("favourites_count", liked) == 1
                && countOnB("reblogs_count", liked) == 1);

        a.bean(FavouriteStatus.class).unfavourite(alice.id(), likedOnA.id());
        a.bean(ReblogStatus.class).unreblog(alice.id(), likedOnA.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> countOnB("favourites_count", liked) == 0
                && countOnB("reblogs_count", liked) == 0);
    }

    @Test
    void aDirectPostReachesTheMentionedAccountOnly() {
        Status secret = post("@alice@" + a.domain() + " just between us", Visibility.DIRECT);
        assertThat(secret.content()).contains("class=\"u-url mention\"").contains("@<span>alice</span>");

        await().atMost(Duration.ofSeconds(30)).until(() -> onA(secret).isPresent());
        Status secretOnA = onA(secret).get();
        assertThat(secretOnA.visibility()).isEqualTo(Visibility.DIRECT);
        await().atMost(Duration.ofSeconds(10)).until(() -> aliceFeed().contains(secretOnA.id()));
    }
}
