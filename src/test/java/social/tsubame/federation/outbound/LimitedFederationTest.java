package social.tsubame.federation.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import social.tsubame.account.Account;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.federation.AllowDomain;
import social.tsubame.queue.Job;
import social.tsubame.queue.QueueName;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.FakeRemoteServer;
import social.tsubame.testing.FakeRemoteServer.Actor;
import social.tsubame.testing.TestServer;
import tools.jackson.databind.json.JsonMapper;

/** In limited federation mode nothing goes to or comes from a server until an admin allows it. */
class LimitedFederationTest {

    static TestServer tsubame;
    static FakeRemoteServer friends;
    static FakeRemoteServer strangers;

    @BeforeAll
    static void start() {
        tsubame = TestServer.start("127.0.0.34", "--tsubame.federation.limited-federation-mode=true");
        friends = FakeRemoteServer.start("127.0.0.35");
        strangers = FakeRemoteServer.start("127.0.0.36");
    }

    @AfterAll
    static void stop() {
        tsubame.close();
        friends.close();
        strangers.close();
    }

    @Test
    void onlyAllowedServersMayDeliverToUsAndBeDeliveredTo() throws Exception {
        Account lena = tsubame.bean(CreateLocalAccount.class).create(new CreateLocalAccount.Command("lena",
                "lena@example.org", "correct horse battery", Role.USER)).account();
        URI inbox = URI.create(tsubame.baseUrl() + "/users/lena/inbox");
        Actor fred = friends.actor("fred");
        byte[] follow = JsonMapper.shared().writeValueAsString(Map.of(
                "@context", "https://www.w3.org/ns/activitystreams", "id", fred.uri() + "#follows/1",
                "type", "Follow", "actor", fred.uri(), "object", tsubame.baseUrl() + "/users/lena"))
                .getBytes(StandardCharsets.UTF_8);

        assertThat(FakeRemoteServer.post(inbox, "application/activity+json", follow,
                fred.cavageHeaders(inbox, follow, Instant.now())).statusCode()).isEqualTo(403);
        DeliverActivityHandler deliver = tsubame.bean(DeliverActivityHandler.class);
        deliver.handle(new DeliverActivity(friends.baseUrl() + "/inbox", "{}", lena.id()), job());
        assertThat(friends.postedTo("/inbox")).isEmpty();

        tsubame.bean(AllowDomain.class).allow(null, friends.domain());

        assertThat(FakeRemoteServer.post(inbox, "application/activity+json", follow,
                fred.cavageHeaders(inbox, follow, Instant.now())).statusCode()).isEqualTo(202);
        deliver.handle(new DeliverActivity(friends.baseUrl() + "/inbox", "{}", lena.id()), job());
        assertThat(friends.postedTo("/inbox")).hasSize(1);
        deliver.handle(new DeliverActivity(strangers.baseUrl() + "/inbox", "{}", lena.id()), job());
        assertThat(strangers.postedTo("/inbox")).isEmpty();
    }

    @Test
    void thePublicListOfBlocksIsHiddenUnlessTheAdminShowsIt() {
        assertThat(new ApiClient(tsubame.baseUrl()).get("/api/v1/instance/domain_blocks", null).status())
                .isEqualTo(404);
    }

    private static Job job() {
        return new Job("1-0", QueueName.PUSH, DeliverActivity.TYPE.name(), "{}", 1, Instant.now(), null, "test");
    }
}
