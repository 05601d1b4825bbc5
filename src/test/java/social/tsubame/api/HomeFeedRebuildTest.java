package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.queue.RedisConnections;
import social.tsubame.queue.RedisKeys;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.TsubameTest;

/** A home feed Redis lost is filled again from PostgreSQL on the next read. */
@TsubameTest
class HomeFeedRebuildTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    RedisConnections redis;

    @Autowired
    RedisKeys keys;

    @Test
    void aLostHomeFeedComesBackWithWhatTheAccountFollows() {
        long leaId = createLocalAccount.create(new CreateLocalAccount.Command("lea", "lea@example.com",
                "correct horse battery", Role.USER)).account().id();
        createLocalAccount.create(new CreateLocalAccount.Command("max", "max@example.com", "correct horse battery",
                Role.USER));
        ApiClient api = new ApiClient(port);
        String lea = api.userToken("lea", "correct horse battery", "read write follow");
        String max = api.userToken("max", "correct horse battery", "read write follow");
        String maxId = api.get("/api/v1/accounts/verify_credentials", max).json().get("id").asString();
        api.postForm("/api/v1/accounts/" + maxId + "/follow", lea, Map.of());
        String before = api.postJson("/api/v1/statuses", max, Map.of("status", "before the loss")).json()
                .get("id").asString();
        String hidden = api.postJson("/api/v1/statuses", max, Map.of("status", "@max to myself",
                "visibility", "direct")).json().get("id").asString();
        await().until(() -> ids(api, lea).contains(before));

        redis.shared().sync().del(keys.key("feed:home:" + leaId), keys.key("feed:home:" + leaId + ":built"));

        assertThat(ids(api, lea)).contains(before).doesNotContain(hidden);
    }

    private static List<String> ids(ApiClient api, String token) {
        return api.get("/api/v1/timelines/home", token).json().valueStream()
                .map(status -> status.get("id").asString()).toList();
    }
}
