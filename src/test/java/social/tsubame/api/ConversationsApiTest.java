package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static social.tsubame.testing.LocalUsers.PASSWORD;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.RemoteAccounts;
import social.tsubame.account.RemoteActorProfile;
import social.tsubame.status.ReceiveRemoteStatus;
import social.tsubame.status.ReceiveRemoteStatus.RemoteStatus;
import social.tsubame.status.Visibility;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

/** Direct messages as conversations: one per thread and people for each local participant, and for no one else. */
@TsubameTest
class ConversationsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    RemoteAccounts remoteAccounts;

    @Autowired
    ReceiveRemoteStatus receiveRemoteStatus;

    ApiClient api;
    String rosa;
    String sven;
    String theo;
    String xena;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "rosa", "sven", "theo", "xena");
        rosa = api.userToken("rosa", PASSWORD, "read write");
        sven = api.userToken("sven", PASSWORD, "read write");
        theo = api.userToken("theo", PASSWORD, "read write");
        xena = api.userToken("xena", PASSWORD, "read write");
    }

    @Test
    void aDirectMessageIsAConversationOfEachParticipantAndOfNobodyElse() {
        String first = direct(rosa, "@sven @theo shall we?", null);

        JsonNode svens = conversationEndingWith(sven, first);
        assertThat(svens.get("unread").asBoolean()).isTrue();
        assertThat(accts(svens.get("accounts"))).containsExactlyInAnyOrder("rosa", "theo");
        assertThat(svens.get("last_status").get("visibility").asString()).isEqualTo("direct");
        JsonNode rosas = conversationEndingWith(rosa, first);
        assertThat(rosas.get("unread").asBoolean()).as("one's own message is read").isFalse();
        assertThat(accts(rosas.get("accounts"))).containsExactlyInAnyOrder("sven", "theo");
        conversationEndingWith(theo, first);

        String reply = direct(sven, "@rosa @theo yes", first);
        JsonNode continued = conversationEndingWith(rosa, reply);
        assertThat(continued.get("id").asString()).as("the same thread among the same people")
                .isEqualTo(rosas.get("id").asString());
        assertThat(continued.get("unread").asBoolean()).isTrue();
        assertThat(conversations(rosa)).filteredOn(conversation -> conversation.get("id").asString()
                .equals(rosas.get("id").asString())).hasSize(1);

        assertThat(lastStatusIds(conversations(xena))).doesNotContain(first, reply);
        assertThat(api.postForm("/api/v1/conversations/" + svens.get("id").asString() + "/read", xena, Map.of())
                .status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/conversations/" + svens.get("id").asString(), xena).status())
                .isEqualTo(404);
    }

    @Test
    void aConversationIsMarkedReadAndRemovedByItsOwnerOnly() {
        String message = direct(rosa, "@sven a secret", null);
        String id = conversationEndingWith(sven, message).get("id").asString();

        ApiClient.Response read = api.postForm("/api/v1/conversations/" + id + "/read", sven, Map.of());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("unread").asBoolean()).isFalse();
        assertThat(read.json().get("last_status").get("id").asString()).isEqualTo(message);
        assertThat(conversationEndingWith(sven, message).get("unread").asBoolean()).isFalse();

        ApiClient.Response removed = api.delete("/api/v1/conversations/" + id, sven);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().isEmpty()).isTrue();
        assertThat(lastStatusIds(conversations(sven))).doesNotContain(message);
        assertThat(lastStatusIds(conversations(rosa))).contains(message);
        assertThat(api.delete("/api/v1/conversations/" + id, sven).status()).isEqualTo(404);
        ApiClient.Response unknown = api.postForm("/api/v1/conversations/1/read", sven, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asString()).isNotBlank();
    }

    @Test
    void deletedStatusesLeaveTheirConversations() {
        String first = direct(rosa, "@theo one", null);
        String second = direct(rosa, "@theo two", first);
        String id = conversationEndingWith(theo, second).get("id").asString();

        api.delete("/api/v1/statuses/" + second, rosa);
        JsonNode before = conversationEndingWith(theo, first);
        assertThat(before.get("id").asString()).isEqualTo(id);

        api.delete("/api/v1/statuses/" + first, rosa);
        await().atMost(WAIT).until(() -> conversations(theo).stream()
                .noneMatch(conversation -> conversation.get("id").asString().equals(id)));
    }

    @Test
    void conversationsArePagedByTheirLastStatusWithLinks() {
        String word = uniqueWord();
        List<String> messages = new ArrayList<>();
        for (String to : List.of("sven", "theo", "xena")) {
            messages.add(direct(rosa, "@" + to + " " + word, null));
        }
        messages.forEach(message -> conversationEndingWith(rosa, message));

        ApiClient.Response first = api.get("/api/v1/conversations?limit=2", rosa);
        assertThat(lastStatusIds(first.json())).containsExactly(messages.get(2), messages.get(1));
        assertThat(first.link()).contains("max_id=" + messages.get(1)).contains("min_id=" + messages.get(2));

        ApiClient.Response next = api.get("/api/v1/conversations?limit=2&max_id=" + messages.get(1), rosa);
        assertThat(lastStatusIds(next.json()).getFirst()).isEqualTo(messages.get(0));
        ApiClient.Response newer = api.get("/api/v1/conversations?min_id=" + messages.get(0), rosa);
        assertThat(lastStatusIds(newer.json())).containsExactly(messages.get(2), messages.get(1));
    }

    @Test
    void aRemoteDirectMessageIsAConversationOfTheLocalAccountsItMentions() {
        String username = "wanda" + uniqueWord();
        String uri = "https://remote.example/users/" + username;
        long wanda = remoteAccounts.upsert(new RemoteActorProfile(uri, username, "remote.example", "Person", "", "",
                uri, uri + "/inbox", "https://remote.example/inbox", null, null, null, null, uri + "#main-key", null,
                false, false, false, false, List.of(), null, null, "[]"));
        long svenId = accounts.findLocal("sven").orElseThrow().id();
        String status = Long.toString(receiveRemoteStatus.receive(new RemoteStatus(wanda,
                "https://remote.example/notes/" + uniqueWord(), null, "<p>@sven psst</p>", null, false,
                Visibility.DIRECT, "en", null, null, null, List.of(svenId), List.of(), List.of(), List.of()))
                .orElseThrow().id());

        JsonNode conversation = conversationEndingWith(sven, status);
        assertThat(conversation.get("unread").asBoolean()).isTrue();
        assertThat(accts(conversation.get("accounts"))).containsExactly(username + "@remote.example");
        assertThat(lastStatusIds(conversations(theo))).doesNotContain(status);
    }

    @Test
    void conversationsNeedTheirScopes() {
        String notifications = api.userToken("sven", PASSWORD, "read:notifications write:conversations");
        assertThat(api.get("/api/v1/conversations", notifications).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/conversations", null).status()).isEqualTo(401);
        assertThat(api.postForm("/api/v1/conversations/1/read", notifications, Map.of()).status())
                .as("allowed, and there is no such conversation").isEqualTo(404);

        String reader = api.userToken("sven", PASSWORD, "read:statuses write:statuses");
        assertThat(api.get("/api/v1/conversations", reader).status()).isEqualTo(200);
        ApiClient.Response write = api.postForm("/api/v1/conversations/1/read", reader, Map.of());
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("error").asString()).contains("scopes");
        assertThat(api.delete("/api/v1/conversations/1", reader).status()).isEqualTo(403);
    }

    private String direct(String token, String text, String inReplyTo) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("status", text, "visibility", "direct"));
        Optional.ofNullable(inReplyTo).ifPresent(id -> body.put("in_reply_to_id", id));
        ApiClient.Response response = api.postJson("/api/v1/statuses", token, body);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("id").asString();
    }

    private JsonNode conversationEndingWith(String token, String statusId) {
        await().atMost(WAIT).until(() -> lastStatusIds(conversations(token)).contains(statusId));
        return conversations(token).stream()
                .filter(conversation -> statusId.equals(conversation.path("last_status").path("id").asString()))
                .findFirst().orElseThrow();
    }

    private List<JsonNode> conversations(String token) {
        ApiClient.Response response = api.get("/api/v1/conversations?limit=40", token);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> conversations = new ArrayList<>();
        response.json().forEach(conversations::add);
        return conversations;
    }

    private static List<String> lastStatusIds(Iterable<JsonNode> conversations) {
        List<String> ids = new ArrayList<>();
        conversations.forEach(conversation -> ids.add(conversation.path("last_status").path("id").asString()));
        return ids;
    }

    private static List<String> accts(JsonNode accounts) {
        List<String> accts = new ArrayList<>();
        accounts.forEach(account -> accts.add(account.get("acct").asString()));
        return accts;
    }

    private static String uniqueWord() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
