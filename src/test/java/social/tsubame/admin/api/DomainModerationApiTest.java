package social.tsubame.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.instance.PublicDomainBlocks;
import social.tsubame.moderation.AuditLog;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

/** Mastodon's admin API for domain blocks and allows, the relays extension, and the public list of blocks. */
@TsubameTest
@TestPropertySource(properties = "tsubame.instance.show-domain-blocks=true")
class DomainModerationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog audit;

    ApiClient api;
    String admin;
    String user;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "domain_admin", Role.ADMIN);
        LocalUsers.ensure(createLocalAccount, accounts, "domain_user");
        admin = api.userToken("domain_admin", LocalUsers.PASSWORD,
                "read admin:read:domain_blocks admin:write:domain_blocks admin:read:domain_allows "
                        + "admin:write:domain_allows admin:read admin:write");
        user = api.userToken("domain_user", LocalUsers.PASSWORD, "read admin:read admin:write");
    }

    @Test
    void domainBlocksAreCreatedShownChangedAndLiftedInMastodonsShape() {
        JsonNode created = api.postJson("/api/v1/admin/domain_blocks", admin, Map.of("domain", "Spam.Example",
                "severity", "suspend", "reject_media", true, "private_comment", "seen in reports",
                "public_comment", "Spam", "obfuscate", true)).json();
        String id = created.path("id").asString();
        assertThat(created.path("domain").asString()).isEqualTo("spam.example");
        assertThat(created.path("digest").asString()).isEqualTo(PublicDomainBlocks.digest("spam.example"));
        assertThat(created.path("severity").asString()).isEqualTo("suspend");
        assertThat(created.path("reject_media").asBoolean()).isTrue();
        assertThat(created.path("reject_reports").asBoolean()).isFalse();
        assertThat(created.path("private_comment").asString()).isEqualTo("seen in reports");
        assertThat(created.path("public_comment").asString()).isEqualTo("Spam");
        assertThat(created.path("obfuscate").asBoolean()).isTrue();
        assertThat(created.path("created_at").asString()).isNotBlank();

        ApiClient.Response again = api.postJson("/api/v1/admin/domain_blocks", admin,
                Map.of("domain", "spam.example", "severity", "silence"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().path("error").asString()).isNotBlank();
        assertThat(again.json().path("existing_domain_block").path("id").asString()).isEqualTo(id);
        ApiClient.Response covered = api.postJson("/api/v1/admin/domain_blocks", admin,
                Map.of("domain", "www.spam.example"));
        assertThat(covered.status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/admin/domain_blocks", admin, Map.of("domain", "not a domain")).status())
                .isEqualTo(422);
        assertThat(api.postJson("/api/v1/admin/domain_blocks", admin,
                Map.of("domain", "x.example", "severity", "ban")).status()).isEqualTo(422);

        assertThat(api.get("/api/v1/admin/domain_blocks", admin).json().valueStream()
                .map(block -> block.path("domain").asString()).toList()).contains("spam.example");
        assertThat(api.get("/api/v1/admin/domain_blocks/" + id, admin).json().path("domain").asString())
                .isEqualTo("spam.example");
        String later = api.postJson("/api/v1/admin/domain_blocks", admin, Map.of("domain", "later.example")).json()
                .path("id").asString();
        ApiClient.Response firstPage = api.get("/api/v1/admin/domain_blocks?limit=1", admin);
        assertThat(firstPage.json()).hasSize(1);
        assertThat(firstPage.json().get(0).path("domain").asString()).isEqualTo("later.example");
        assertThat(firstPage.link()).contains("max_id=");
        String next = firstPage.link().replaceAll("^<([^>]*)>; rel=\"next\".*", "$1");
        assertThat(api.get(next.substring(next.indexOf("/api/")), admin).json().get(0).path("domain").asString())
                .isEqualTo("spam.example");
        api.delete("/api/v1/admin/domain_blocks/" + later, admin);

        JsonNode shown = api.get("/api/v1/instance/domain_blocks", null).json();
        JsonNode listed = shown.valueStream().filter(block -> block.path("digest").asString()
                .equals(PublicDomainBlocks.digest("spam.example"))).findFirst().orElseThrow();
        assertThat(listed.path("domain").asString()).isEqualTo("s**m.e*****e");
        assertThat(listed.path("severity").asString()).isEqualTo("suspend");
        assertThat(listed.path("comment").asString()).isEqualTo("Spam");
        assertThat(listed.has("private_comment")).isFalse();

        JsonNode updated = api.sendJson("PUT", "/api/v1/admin/domain_blocks/" + id, admin,
                Map.of("severity", "silence", "obfuscate", false)).json();
        assertThat(updated.path("severity").asString()).isEqualTo("silence");
        assertThat(updated.path("obfuscate").asBoolean()).isFalse();
        assertThat(updated.path("reject_media").asBoolean()).isTrue();
        assertThat(updated.path("public_comment").asString()).isEqualTo("Spam");
        assertThat(audit.newest(null, 1).getFirst().action()).isEqualTo("update_domain_block");

        assertThat(api.delete("/api/v1/admin/domain_blocks/" + id, admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/domain_blocks/" + id, admin).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/admin/domain_blocks/" + id, admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/domain_blocks/nonsense", admin).status()).isEqualTo(404);
        assertThat(audit.newest(null, 1).getFirst().action()).isEqualTo("destroy_domain_block");
    }

    @Test
    void domainAllowsAreAddedOnceListedAndRemoved() {
        JsonNode allowed = api.postJson("/api/v1/admin/domain_allows", admin, Map.of("domain", "friends.example"))
                .json();
        String id = allowed.path("id").asString();
        assertThat(allowed.path("domain").asString()).isEqualTo("friends.example");
        assertThat(allowed.path("created_at").asString()).isNotBlank();
        assertThat(api.postJson("/api/v1/admin/domain_allows", admin, Map.of("domain", "friends.example")).json()
                .path("id").asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/admin/domain_allows", admin).json().valueStream()
                .map(allow -> allow.path("id").asString()).filter(id::equals).count()).isEqualTo(1);
        assertThat(api.get("/api/v1/admin/domain_allows/" + id, admin).json().path("domain").asString())
                .isEqualTo("friends.example");
        assertThat(api.postJson("/api/v1/admin/domain_allows", admin, Map.of()).status()).isEqualTo(422);

        assertThat(api.delete("/api/v1/admin/domain_allows/" + id, admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/domain_allows/" + id, admin).status()).isEqualTo(404);
        assertThat(audit.newest(null, 1).getFirst().action()).isEqualTo("destroy_domain_allow");
    }

    @Test
    void relaysAreAddedListedAndRemoved() {
        JsonNode relay = api.postJson("/api/v1/admin/relays", admin,
                Map.of("inbox_url", "https://relay.example/inbox")).json();
        assertThat(relay.path("inbox_url").asString()).isEqualTo("https://relay.example/inbox");
        assertThat(relay.path("state").asString()).isEqualTo("pending");
        String id = relay.path("id").asString();
        assertThat(api.postJson("/api/v1/admin/relays", admin, Map.of("inbox_url", "https://relay.example/inbox"))
                .status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/admin/relays", admin, Map.of("inbox_url", "ftp://relay.example/inbox"))
                .status()).isEqualTo(422);
        assertThat(api.get("/api/v1/admin/relays", admin).json().valueStream()
                .map(r -> r.path("id").asString()).toList()).contains(id);
        assertThat(api.delete("/api/v1/admin/relays/" + id, admin).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/admin/relays/" + id, admin).status()).isEqualTo(404);
        assertThat(audit.newest(null, 1).getFirst().action()).isEqualTo("destroy_relay");
    }

    @Test
    void onlyOwnersAndAdminsWithTheRightScopeMayUseIt() {
        String adminWithoutScope = api.userToken("domain_admin", LocalUsers.PASSWORD, "read write");
        assertThat(api.get("/api/v1/admin/domain_blocks", null).status()).isEqualTo(401);
        ApiClient.Response notAdmin = api.get("/api/v1/admin/domain_blocks", user);
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.json().path("error").asString()).isEqualTo("This action is not allowed");
        assertThat(api.postJson("/api/v1/admin/domain_blocks", user, Map.of("domain", "mine.example")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/domain_blocks", adminWithoutScope).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/admin/domain_allows", user, Map.of("domain", "mine.example")).status())
                .isEqualTo(403);
        assertThat(api.postJson("/api/v1/admin/relays", user, Map.of("inbox_url", "https://r.example/inbox"))
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/domain_blocks", admin).json().valueStream()
                .map(block -> block.path("domain").asString()).toList()).doesNotContain("mine.example");
    }
}
