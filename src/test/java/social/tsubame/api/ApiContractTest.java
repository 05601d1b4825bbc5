package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.media.TestImages;
import social.tsubame.media.UploadMedia;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

/**
 * Every entity the client API answers carries the fields Mastodon's documentation lists for it, so that apps that
 * decode strictly find them; ids are strings, as apps expect.
 */
@TsubameTest
class ApiContractTest {

    private static final List<String> ACCOUNT = List.of("id", "username", "acct", "url", "uri", "display_name",
            "note", "avatar", "avatar_static", "header", "header_static", "locked", "fields", "emojis", "bot", "group",
            "discoverable", "indexable", "noindex", "hide_collections", "created_at", "last_status_at",
            "statuses_count", "followers_count", "following_count");
    private static final List<String> STATUS = List.of("id", "uri", "url", "created_at", "edited_at", "account",
            "content", "visibility", "sensitive", "spoiler_text", "media_attachments", "mentions", "tags", "emojis",
            "reblogs_count", "favourites_count", "replies_count", "in_reply_to_id", "in_reply_to_account_id",
            "reblog", "poll", "card", "language", "filtered", "favourited", "reblogged", "muted", "bookmarked");
    private static final List<String> NOTIFICATION = List.of("id", "type", "group_key", "created_at", "account");
    private static final List<String> RELATIONSHIP = List.of("id", "following", "showing_reblogs", "notifying",
            "languages", "followed_by", "blocking", "blocked_by", "muting", "muting_notifications", "requested",
            "requested_by", "domain_blocking", "endorsed", "note");
    private static final List<String> INSTANCE = List.of("domain", "title", "version", "source_url", "description",
            "usage", "thumbnail", "icon", "languages", "configuration", "registrations", "api_versions", "contact",
            "rules");
    private static final List<String> MEDIA = List.of("id", "type", "url", "preview_url", "remote_url", "meta",
            "description", "blurhash");
    private static final List<String> CONTEXT = List.of("ancestors", "descendants");
    private static final List<String> TAG = List.of("name", "url", "history");
    private static final List<String> LIST = List.of("id", "title", "replies_policy", "exclusive");
    private static final List<String> MARKER = List.of("last_read_id", "version", "updated_at");
    private static final List<String> APPLICATION = List.of("id", "name", "website", "scopes", "redirect_uri",
            "redirect_uris", "client_id", "client_secret", "client_secret_expires_at");
    private static final List<String> FILTER = List.of("id", "title", "context", "expires_at", "filter_action",
            "keywords", "statuses");
    private static final List<String> FILTER_KEYWORD = List.of("id", "keyword", "whole_word");
    private static final List<String> LEGACY_FILTER = List.of("id", "phrase", "context", "whole_word", "expires_at",
            "irreversible");
    private static final List<String> CONVERSATION = List.of("id", "unread", "accounts", "last_status");
    private static final List<String> CREDENTIAL_SOURCE = List.of("note", "fields", "privacy", "sensitive",
            "language", "follow_requests_count");

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    UploadMedia uploadMedia;

    @Test
    void everyEntityCarriesItsDocumentedFields() {
        long joId = createLocalAccount.create(new CreateLocalAccount.Command("joel", "joel@example.com",
                "correct horse battery", Role.USER)).account().id();
        createLocalAccount.create(new CreateLocalAccount.Command("kira", "kira@example.com", "correct horse battery",
                Role.USER));
        ApiClient api = new ApiClient(port);
        assertFields(api.postForm("/api/v1/apps", null, Map.of("client_name", "Contract",
                "redirect_uris", ApiClient.REDIRECT_URI, "scopes", "read write follow")).json(), APPLICATION);
        String jo = api.userToken("joel", "correct horse battery", "read write follow");
        String kim = api.userToken("kira", "correct horse battery", "read write follow");

        JsonNode me = api.get("/api/v1/accounts/verify_credentials", jo).json();
        assertFields(me, ACCOUNT);
        assertFields(me.get("source"), CREDENTIAL_SOURCE);
        String kimId = api.get("/api/v1/accounts/verify_credentials", kim).json().get("id").asString();
        assertFields(api.postForm("/api/v1/accounts/" + me.get("id").asString() + "/follow", kim, Map.of()).json(),
                RELATIONSHIP);

        long mediaId = uploadMedia.upload(new UploadMedia.Command(joId, TestImages.jpeg(40, 30), "a picture", null))
                .id();
        JsonNode status = api.postJson("/api/v1/statuses", jo, Map.of("status", "Hello @kira #contract",
                "media_ids", List.of(Long.toString(mediaId)))).json();
        assertFields(status, STATUS);
        assertThat(status.get("id").isString()).isTrue();
        assertFields(status.get("account"), ACCOUNT);
        assertFields(status.get("media_attachments").get(0), MEDIA);
        assertThat(status.get("mentions").get(0).get("id").asString()).isEqualTo(kimId);
        assertThat(status.get("tags").get(0).get("name").asString()).isEqualTo("contract");
        assertFields(api.get("/api/v1/statuses/" + status.get("id").asString() + "/context", jo).json(), CONTEXT);

        await().until(() -> api.get("/api/v1/notifications", kim).json().size() >= 1);
        JsonNode notification = api.get("/api/v1/notifications", kim).json().get(0);
        assertFields(notification, NOTIFICATION);
        assertThat(notification.get("id").isString()).isTrue();

        String direct = api.postJson("/api/v1/statuses", jo, Map.of("status", "@kira just us",
                "visibility", "direct")).json().get("id").asString();
        await().until(() -> api.get("/api/v1/conversations", kim).json().size() >= 1);
        JsonNode conversation = api.get("/api/v1/conversations", kim).json().get(0);
        assertFields(conversation, CONVERSATION);
        assertThat(conversation.get("id").isString()).isTrue();
        assertFields(conversation.get("accounts").get(0), ACCOUNT);
        assertThat(conversation.get("last_status").get("id").asString()).isEqualTo(direct);
        assertFields(conversation.get("last_status"), STATUS);

        assertFields(api.get("/api/v2/instance", null).json(), INSTANCE);
        assertFields(api.get("/api/v2/search?q=contract&type=hashtags", jo).json().get("hashtags").get(0), TAG);
        assertFields(api.postJson("/api/v1/lists", jo, Map.of("title", "Friends")).json(), LIST);
        api.postForm("/api/v1/markers", jo, Map.of("home[last_read_id]", status.get("id").asString()));
        assertFields(api.get("/api/v1/markers?timeline%5B%5D=home", jo).json().get("home"), MARKER);

        JsonNode filter = api.postJson("/api/v2/filters", jo, Map.of("title", "Contract", "context", List.of("home"),
                "keywords_attributes", List.of(Map.of("keyword", "contractual")))).json();
        assertFields(filter, FILTER);
        assertFields(filter.get("keywords").get(0), FILTER_KEYWORD);
        assertFields(api.get("/api/v1/filters/" + filter.get("keywords").get(0).get("id").asString(), jo).json(),
                LEGACY_FILTER);
    }

    private static void assertFields(JsonNode entity, List<String> documented) {
        Set<String> present = entity.propertyNames().stream().collect(Collectors.toSet());
        assertThat(present).as("fields of %s", entity).containsAll(documented);
    }
}
