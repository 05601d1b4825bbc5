package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.RemoteAccounts;
import social.tsubame.account.RemoteActorProfile;
import social.tsubame.account.Role;
import social.tsubame.core.PemKeys;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

@TsubameTest
class DomainBlocksApiTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    RemoteAccounts remoteAccounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeOrderedIds ids;

    @Test
    void hidingAServerEndsFollowsWithItAndCanBeUndone() {
        long odileId = createLocalAccount.create(new CreateLocalAccount.Command("odile", "odile@example.com",
                "correct horse battery", Role.USER)).account().id();
        String uri = "https://noisy.example/users/shouty";
        long shouty = remoteAccounts.upsert(new RemoteActorProfile(uri, "shouty", "noisy.example", "Person", "", "",
                uri, uri + "/inbox", "https://noisy.example/inbox", null, null, null, null, uri + "#main-key",
                PemKeys.generateRsa().publicKeyPem(), false, false, false, false, List.of(), null, null, "[]"));
        jdbc.update("INSERT INTO follows (id, account_id, target_account_id) VALUES (?, ?, ?)", ids.next(), shouty,
                odileId);
        ApiClient api = new ApiClient(port);
        String odile = api.userToken("odile", "correct horse battery", "read write follow");

        assertThat(api.postForm("/api/v1/domain_blocks", odile, Map.of("domain", "Noisy.Example")).status())
                .isEqualTo(200);

        JsonNode blocked = api.get("/api/v1/domain_blocks", odile).json();
        assertThat(blocked.get(0).asString()).isEqualTo("noisy.example");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follows WHERE account_id = ?", Integer.class, shouty))
                .isZero();
        assertThat(api.get("/api/v1/accounts/relationships?id%5B%5D=" + shouty, odile).json().get(0)
                .get("domain_blocking").asBoolean()).isTrue();
        assertThat(api.postForm("/api/v1/domain_blocks", odile, Map.of("domain", "not a domain")).status())
                .isEqualTo(422);

        api.sendJson("DELETE", "/api/v1/domain_blocks", odile, Map.of("domain", "noisy.example"));
        assertThat(api.get("/api/v1/domain_blocks", odile).json().size()).isZero();
    }

    @Test
    void theServersOwnCustomEmojiAreListedForPickers() {
        jdbc.update("INSERT INTO custom_emojis (id, shortcode, image_remote_url) VALUES (?, 'tsubame', ?)",
                ids.next(), "https://cdn.example/tsubame.png");
        JsonNode emojis = new ApiClient(port).get("/api/v1/custom_emojis", null).json();
        assertThat(emojis.get(0).get("shortcode").asString()).isEqualTo("tsubame");
        assertThat(emojis.get(0).get("static_url").asString()).isEqualTo("https://cdn.example/tsubame.png");
    }
}
