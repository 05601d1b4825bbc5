package social.tsubame.portability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.FakeRemoteServer;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * A follow list naming accounts of another server: each is found through WebFinger and followed as a click would
 * follow it, with a {@code Follow} delivered to its server.
 */
class RemoteFollowImportTest {

    static TestServer server;
    static FakeRemoteServer remote;

    @BeforeAll
    static void start() {
        server = TestServer.start("127.0.0.60");
        remote = FakeRemoteServer.start("127.0.0.61");
        LocalUsers.ensure(server.bean(CreateLocalAccount.class), server.bean(Accounts.class), "uma", "vic");
    }

    @AfterAll
    static void stop() {
        remote.close();
        server.close();
    }

    @Test
    void remoteAccountsOfAFollowListAreLookedUpAndSentAFollow() {
        remote.actor("wren");
        remote.actor("xia");
        ApiClient api = new ApiClient(server.baseUrl());
        String uma = api.userToken("uma", LocalUsers.PASSWORD, "read write");
        String file = """
                Account address,Show boosts,Notify on new posts,Languages
                wren@%1$s,true,false,
                xia@%1$s,false,false,
                ghost@%1$s,true,false,
                vic@%2$s,true,true,
                """.formatted(remote.domain(), server.domain());

        ApiClient.Response started = api.postMultipart("/api/v1/imports", uma, Map.of("type", "following"),
                "data", file.getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String id = started.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/imports/" + id, uma).json().get("state").asString().equals("finished"));

        JsonNode done = api.get("/api/v1/imports/" + id, uma).json();
        assertThat(done.get("total_items").asInt()).isEqualTo(4);
        assertThat(done.get("processed_items").asInt()).isEqualTo(4);
        assertThat(done.get("failed_items").asInt()).as("nobody is ghost there").isEqualTo(1);
        JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
        Accounts accounts = server.bean(Accounts.class);
        long umaId = accounts.findLocal("uma").orElseThrow().id();
        Account wren = accounts.findRemote("wren", remote.domain()).orElseThrow();
        Account xia = accounts.findRemote("xia", remote.domain()).orElseThrow();
        assertThat(jdbc.queryForList("""
                SELECT target_account_id FROM follow_requests
                WHERE account_id = ? AND show_reblogs = (target_account_id = ?)""", Long.class, umaId, wren.id()))
                .as("both requested, boosts shown as the file says").containsExactlyInAnyOrder(wren.id(), xia.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follows WHERE account_id = ? AND target_account_id = ?",
                Integer.class, umaId, accounts.findLocal("vic").orElseThrow().id())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !remote.postedTo("/users/wren/inbox").isEmpty()
                && !remote.postedTo("/users/xia/inbox").isEmpty());
    }
}
