package social.tsubame.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.queue.RedisConnections;
import social.tsubame.queue.RedisKeys;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.TsubameTest;

/** Fan-out skips followers who have been away; their feed is rebuilt from PostgreSQL when they come back. */
@TsubameTest
class InactiveFollowersTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    HomeFeeds homeFeeds;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RedisConnections redis;

    @Autowired
    RedisKeys keys;

    @Test
    void aFollowerAwayForWeeksGetsNoFanOutButFindsThePostOnReturn() {
        var pia = createLocalAccount.create(new CreateLocalAccount.Command("pia", "pia@example.com",
                "correct horse battery", Role.USER));
        long quinId = createLocalAccount.create(new CreateLocalAccount.Command("quin", "quin@example.com",
                "correct horse battery", Role.USER)).account().id();
        ApiClient api = new ApiClient(port);
        String piaToken = api.userToken("pia", "correct horse battery", "read write follow");
        String quinToken = api.userToken("quin", "correct horse battery", "read write follow");
        api.postForm("/api/v1/accounts/" + quinId + "/follow", piaToken, Map.of());
        long piaId = pia.account().id();
        jdbc.update("UPDATE users SET current_sign_in_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(30))), pia.id());
        redis.shared().sync().del(keys.key("active:" + pia.id()), keys.key("feed:home:" + piaId),
                keys.key("feed:home:" + piaId + ":built"));

        long posted = Long.parseLong(api.postJson("/api/v1/statuses", quinToken, Map.of("status", "anyone there?"))
                .json().get("id").asString());

        // the author's own feed is filled by the same job as its followers'
        await().until(() -> homeFeeds.read(quinId, null, null, 10).contains(posted));
        assertThat(homeFeeds.read(piaId, null, null, 10)).doesNotContain(posted);

        List<String> onReturn = api.get("/api/v1/timelines/home", piaToken).json().valueStream()
                .map(status -> status.get("id").asString()).toList();
        assertThat(onReturn).contains(Long.toString(posted));
        assertThat(jdbc.queryForObject("SELECT current_sign_in_at > now() - interval '1 minute' FROM users "
                + "WHERE id = ?", Boolean.class, pia.id())).isTrue();
    }
}
