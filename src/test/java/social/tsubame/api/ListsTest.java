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
class ListsTest {

    private static final Duration FAN_OUT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void anOwnerCreatesRenamesAndDeletesListsThatOthersCannotSee() {
        String owner = user("lena");
        String other = user("omar");
        JsonNode created = api.postJson("/api/v1/lists", owner, Map.of("title", "Friends",
                "replies_policy", "followed")).json();
        String id = created.get("id").asString();
        assertThat(created.get("title").asString()).isEqualTo("Friends");
        assertThat(created.get("replies_policy").asString()).isEqualTo("followed");
        assertThat(created.get("exclusive").asBoolean()).isFalse();

        JsonNode renamed = api.sendJson("PUT", "/api/v1/lists/" + id, owner, Map.of("title", "Close friends",
                "exclusive", true)).json();
        assertThat(renamed.get("title").asString()).isEqualTo("Close friends");
        assertThat(renamed.get("replies_policy").asString()).isEqualTo("followed");
        assertThat(renamed.get("exclusive").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/lists", owner).json().valueStream().map(list -> list.get("id").asString()))
                .containsExactly(id);
        assertThat(api.get("/api/v1/lists/" + id, owner).json().get("title").asString()).isEqualTo("Close friends");

        assertThat(api.get("/api/v1/lists/" + id, other).status()).isEqualTo(404);
        assertThat(api.sendJson("PUT", "/api/v1/lists/" + id, other, Map.of("title", "mine")).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/lists/" + id, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/timelines/list/" + id, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/lists", other).json().size()).isZero();
        assertThat(api.postJson("/api/v1/lists", owner, Map.of("title", " ")).status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/lists", owner, Map.of("title", "x", "replies_policy", "all")).status())
                .isEqualTo(422);

        assertThat(api.delete("/api/v1/lists/" + id, owner).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/lists/" + id, owner).status()).isEqualTo(404);
    }

    @Test
    void onlyFollowedAccountsJoinAndAnUnfollowEndsTheirMembership() {
        String owner = user("mira");
        String member = user("nico");
        String memberId = accountId(member);
        String list = createList(owner, "Followed", "list", false);

        assertThat(addMember(owner, list, memberId).status()).isEqualTo(422);
        assertThat(addMember(owner, list, "123456789").status()).isEqualTo(404);
        assertThat(addMember(user("omar"), list, memberId).status()).isEqualTo(404);
        follow(owner, memberId);
        assertThat(addMember(owner, list, memberId).status()).isEqualTo(200);
        assertThat(addMember(owner, list, memberId).status()).isEqualTo(200);

        Response members = api.get("/api/v1/lists/" + list + "/accounts", owner);
        assertThat(ids(members)).containsExactly(memberId);
        assertThat(members.link()).contains("max_id=" + memberId);
        assertThat(ids(api.get("/api/v1/accounts/" + memberId + "/lists", owner))).containsExactly(list);
        assertThat(api.get("/api/v1/accounts/123456789/lists", owner).status()).isEqualTo(404);

        api.postForm("/api/v1/accounts/" + memberId + "/unfollow", owner, Map.of());
        assertThat(ids(api.get("/api/v1/lists/" + list + "/accounts", owner))).isEmpty();
        assertThat(ids(api.get("/api/v1/accounts/" + memberId + "/lists", owner))).isEmpty();

        follow(owner, memberId);
        addMember(owner, list, memberId);
        assertThat(api.delete("/api/v1/lists/" + list + "/accounts?account_ids%5B%5D=" + memberId, owner)
                .status()).isEqualTo(200);
        assertThat(ids(api.get("/api/v1/lists/" + list + "/accounts?limit=0", owner))).isEmpty();
    }

    @Test
    void membersPostsReachTheListTimelineAndRepliesFollowItsPolicy() {
        String owner = user("olga");
        String member = user("pablo");
        String outsider = user("quinn");
        String memberId = accountId(member);
        String outsiderId = accountId(outsider);
        follow(owner, memberId);
        follow(owner, outsiderId);
        String earlier = post(member, "before joining", null);
        String onlyMembers = createList(owner, "Members", "list", false);
        String noReplies = createList(owner, "Quiet", "none", false);
        addMember(owner, onlyMembers, memberId);
        addMember(owner, noReplies, memberId);
        await().atMost(FAN_OUT).until(() -> timeline(owner, onlyMembers).contains(earlier));

        String outsiderPost = post(outsider, "a question", null);
        String replyToOutsider = post(member, "an answer", outsiderPost);
        String replyToOwner = post(member, "@olga hello", post(owner, "anyone there?", null));
        String plain = post(member, "news", null);

        await().atMost(FAN_OUT).until(() -> timeline(owner, onlyMembers).containsAll(List.of(plain, replyToOwner))
                && timeline(owner, noReplies).containsAll(List.of(plain, replyToOwner)));
        assertThat(timeline(owner, onlyMembers)).doesNotContain(replyToOutsider, outsiderPost);
        assertThat(timeline(owner, noReplies)).doesNotContain(replyToOutsider);

        addMember(owner, onlyMembers, outsiderId);
        String replyToMember = post(member, "another answer", outsiderPost);
        await().atMost(FAN_OUT).until(() -> timeline(owner, onlyMembers).contains(replyToMember));
        await().atMost(FAN_OUT).until(() -> timeline(owner, onlyMembers).contains(outsiderPost));
        assertThat(timeline(owner, noReplies)).doesNotContain(replyToMember);

        Response page = api.get("/api/v1/timelines/list/" + onlyMembers + "?limit=1", owner);
        assertThat(page.link()).contains("max_id=").contains("min_id=");
    }

    @Test
    void anExclusiveListKeepsItsMembersPostsOutOfHome() {
        String owner = user("rosa");
        String member = user("sami");
        String memberId = accountId(member);
        follow(owner, memberId);
        addMember(owner, createList(owner, "Elsewhere", "list", false), memberId);
        String exclusive = createList(owner, "Only here", "list", true);
        addMember(owner, exclusive, memberId);

        String posted = post(member, "not for your home", null);

        // the author's own home is filled by the same job as its followers' homes
        await().atMost(FAN_OUT).until(() -> home(member).contains(posted)
                && timeline(owner, exclusive).contains(posted));
        assertThat(home(owner)).doesNotContain(posted);
    }

    private String user(String name) {
        LocalUsers.ensure(createLocalAccount, accounts, name);
        return api.userToken(name, PASSWORD, "read write follow");
    }

    private String accountId(String token) {
        return api.get("/api/v1/accounts/verify_credentials", token).json().get("id").asString();
    }

    private void follow(String token, String accountId) {
        assertThat(api.postForm("/api/v1/accounts/" + accountId + "/follow", token, Map.of()).json()
                .get("following").asBoolean()).isTrue();
    }

    private String createList(String token, String title, String repliesPolicy, boolean exclusive) {
        return api.postJson("/api/v1/lists", token, Map.of("title", title, "replies_policy", repliesPolicy,
                "exclusive", exclusive)).json().get("id").asString();
    }

    private Response addMember(String token, String list, String accountId) {
        return api.postForm("/api/v1/lists/" + list + "/accounts", token, Map.of("account_ids[]", accountId));
    }

    private String post(String token, String text, String inReplyTo) {
        Map<String, String> fields = inReplyTo == null ? Map.of("status", text)
                : Map.of("status", text, "in_reply_to_id", inReplyTo);
        return api.postForm("/api/v1/statuses", token, fields).json().get("id").asString();
    }

    private List<String> timeline(String token, String list) {
        return ids(api.get("/api/v1/timelines/list/" + list, token));
    }

    private List<String> home(String token) {
        return ids(api.get("/api/v1/timelines/home", token));
    }

    private static List<String> ids(Response response) {
        return response.json().valueStream().map(item -> item.get("id").asString()).toList();
    }
}
