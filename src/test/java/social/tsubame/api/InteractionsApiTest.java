package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;
import static social.tsubame.testing.LocalUsers.PASSWORD;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.media.TestImages;
import social.tsubame.media.UploadMedia;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.ApiClient.Response;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

@TsubameTest
class InteractionsApiTest {

    private static final String ALL = "read write follow";

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    UploadMedia uploadMedia;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String dana;
    String erin;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "dana", "erin");
        dana = api.userToken("dana", PASSWORD, ALL);
        erin = api.userToken("erin", PASSWORD, ALL);
    }

    @Test
    void aLockedAccountApprovesItsFollowerWhoThenAppearsAmongFollowers() {
        jdbc.update("UPDATE accounts SET locked = true WHERE username = 'dana'");
        String danaId = id(dana);
        String erinId = id(erin);
        JsonNode requested = api.postForm("/api/v1/accounts/" + danaId + "/follow", erin, Map.of()).json();
        assertThat(requested.get("requested").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/follow_requests", dana).json().get(0).get("id").asString()).isEqualTo(erinId);

        JsonNode authorized = api.postForm("/api/v1/follow_requests/" + erinId + "/authorize", dana, Map.of()).json();

        assertThat(authorized.get("followed_by").asBoolean()).isTrue();
        Response followers = api.get("/api/v1/accounts/" + danaId + "/followers", null);
        assertThat(followers.json().get(0).get("id").asString()).isEqualTo(erinId);
        assertThat(followers.link()).contains("max_id=");
        assertThat(api.get("/api/v1/accounts/" + erinId + "/following", null).json().get(0).get("id").asString())
                .isEqualTo(danaId);
        jdbc.update("UPDATE accounts SET locked = false WHERE username = 'dana'");
    }

    @Test
    void blockingAndMutingShowInRelationshipsAndLists() {
        String erinId = id(erin);
        JsonNode blocked = api.postForm("/api/v1/accounts/" + erinId + "/block", dana, Map.of()).json();
        assertThat(blocked.get("blocking").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/blocks", dana).json().get(0).get("id").asString()).isEqualTo(erinId);
        assertThat(api.postForm("/api/v1/accounts/" + erinId + "/unblock", dana, Map.of()).json().get("blocking")
                .asBoolean()).isFalse();

        JsonNode muted = api.postJson("/api/v1/accounts/" + erinId + "/mute", dana, Map.of("notifications", false))
                .json();
        assertThat(muted.get("muting").asBoolean()).isTrue();
        assertThat(muted.get("muting_notifications").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/mutes", dana).json().get(0).get("id").asString()).isEqualTo(erinId);
        api.postForm("/api/v1/accounts/" + erinId + "/unmute", dana, Map.of());
        assertThat(api.get("/api/v1/mutes", dana).json().size()).isZero();
    }

    @Test
    void bookmarksPinsReactionsAndWhoFavouritedShowInTheStatus() {
        String id = api.postJson("/api/v1/statuses", dana, Map.of("status", "keep me")).json().get("id").asString();

        assertThat(api.postForm("/api/v1/statuses/" + id + "/bookmark", erin, Map.of()).json().get("bookmarked")
                .asBoolean()).isTrue();
        assertThat(api.get("/api/v1/bookmarks", erin).json().get(0).get("id").asString()).isEqualTo(id);
        assertThat(api.postForm("/api/v1/statuses/" + id + "/pin", dana, Map.of()).json().get("pinned").asBoolean())
                .isTrue();
        assertThat(api.postForm("/api/v1/statuses/" + id + "/pin", erin, Map.of()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/accounts/" + id(dana) + "/statuses?pinned=true", null).json().get(0).get("id")
                .asString()).isEqualTo(id);

        String emoji = URLEncoder.encode("👍", StandardCharsets.UTF_8);
        JsonNode reacted = api.sendJson("PUT", "/api/v1/pleroma/statuses/" + id + "/reactions/" + emoji, erin,
                Map.of()).json();
        JsonNode reaction = reacted.get("pleroma").get("emoji_reactions").get(0);
        assertThat(reaction.get("name").asString()).isEqualTo("👍");
        assertThat(reaction.get("count").asInt()).isEqualTo(1);
        assertThat(reaction.get("me").asBoolean()).isTrue();
        assertThat(api.sendJson("PUT", "/api/v1/pleroma/statuses/" + id + "/reactions/nope", erin, Map.of())
                .status()).isEqualTo(422);
        api.delete("/api/v1/pleroma/statuses/" + id + "/reactions/" + emoji, erin);
        assertThat(api.get("/api/v1/statuses/" + id, erin).json().get("pleroma").get("emoji_reactions").size())
                .isZero();

        api.postForm("/api/v1/statuses/" + id + "/favourite", erin, Map.of());
        assertThat(api.get("/api/v1/statuses/" + id + "/favourited_by", null).json().get(0).get("acct").asString())
                .isEqualTo("erin");
        assertThat(api.get("/api/v1/favourites", erin).json().get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void aPostWithAnImageShowsItsAttachment() {
        long danaId = Long.parseLong(id(dana));
        long mediaId = uploadMedia.upload(new UploadMedia.Command(danaId, TestImages.jpeg(64, 48), "a red square",
                null)).id();

        JsonNode status = api.postJson("/api/v1/statuses", dana, Map.of("status", "",
                "media_ids", List.of(Long.toString(mediaId)))).json();

        JsonNode attachment = status.get("media_attachments").get(0);
        assertThat(attachment.get("id").asString()).isEqualTo(Long.toString(mediaId));
        assertThat(attachment.get("type").asString()).isEqualTo("image");
        assertThat(attachment.get("description").asString()).isEqualTo("a red square");
        assertThat(api.get(attachment.get("url").asString().replaceFirst("^https?://[^/]+", ""), null).status())
                .isEqualTo(200);
    }

    private String id(String token) {
        return api.get("/api/v1/accounts/verify_credentials", token).json().get("id").asString();
    }
}
