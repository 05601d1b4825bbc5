package social.tsubame.federation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.testing.TsubameTest;

@TsubameTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"tsubame.local-domain=social.example", "tsubame.local-https=true"})
class DiscoveryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @BeforeEach
    void alice() {
        if (accounts.findLocal("alice").isEmpty()) {
            createLocalAccount.create(new CreateLocalAccount.Command("alice", "alice@social.example",
                    "correct horse battery", Role.USER));
        }
    }

    @Test
    void webFingerFindsALocalAccountByHandleAndByActorUri() throws Exception {
        for (String resource : new String[] {"acct:alice@social.example", "acct:ALICE@Social.Example",
                "https://social.example/users/alice", "https://social.example/@alice"}) {
            mvc.perform(get("/.well-known/webfinger").param("resource", resource))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("application/jrd+json"))
                    .andExpect(jsonPath("$.subject").value("acct:alice@social.example"))
                    .andExpect(jsonPath("$.links[?(@.rel == 'self')].href")
                            .value("https://social.example/users/alice"))
                    .andExpect(jsonPath("$.links[?(@.rel == 'self')].type").value("application/activity+json"));
        }
    }

    @Test
    void webFingerAnswers404ForStrangersAnd400WithoutResource() throws Exception {
        mvc.perform(get("/.well-known/webfinger").param("resource", "acct:nobody@social.example"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").exists());
        mvc.perform(get("/.well-known/webfinger").param("resource", "acct:alice@elsewhere.example"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/.well-known/webfinger")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").exists());
    }

    @Test
    void theActorDocumentCarriesWhatOtherServersNeed() throws Exception {
        String body = mvc.perform(get("/users/alice").accept("application/activity+json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Vary", org.hamcrest.Matchers.containsString("Accept")))
                .andExpect(jsonPath("$.id").value("https://social.example/users/alice"))
                .andExpect(jsonPath("$.type").value("Person"))
                .andExpect(jsonPath("$.preferredUsername").value("alice"))
                .andExpect(jsonPath("$.inbox").value("https://social.example/users/alice/inbox"))
                .andExpect(jsonPath("$.outbox").value("https://social.example/users/alice/outbox"))
                .andExpect(jsonPath("$.followers").value("https://social.example/users/alice/followers"))
                .andExpect(jsonPath("$.following").value("https://social.example/users/alice/following"))
                .andExpect(jsonPath("$.featured").value("https://social.example/users/alice/collections/featured"))
                .andExpect(jsonPath("$.endpoints.sharedInbox").value("https://social.example/inbox"))
                .andExpect(jsonPath("$.url").value("https://social.example/@alice"))
                .andExpect(jsonPath("$.publicKey.id").value("https://social.example/users/alice#main-key"))
                .andExpect(jsonPath("$.publicKey.owner").value("https://social.example/users/alice"))
                .andExpect(jsonPath("$.manuallyApprovesFollowers").value(false))
                .andExpect(jsonPath("$.published").exists())
                .andExpect(jsonPath("$['@context'][0]").value("https://www.w3.org/ns/activitystreams"))
                .andReturn().getResponse().getContentAsString();
        String pem = com.jayway.jsonpath.JsonPath.read(body, "$.publicKey.publicKeyPem");
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(pem).isEqualTo(accounts.findLocal("alice").orElseThrow().publicKey());
    }

    @Test
    void theActorIsAlsoServedAsLdJsonWithTheActivityStreamsProfile() throws Exception {
        mvc.perform(get("/users/alice")
                        .header("Accept", "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/ld+json"))
                .andExpect(jsonPath("$.type").value("Person"));
        mvc.perform(get("/users/nobody").accept("application/activity+json")).andExpect(status().isNotFound());
    }

    @Test
    void theInstanceActorIsAServiceWithAKey() throws Exception {
        mvc.perform(get("/actor").accept("application/activity+json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("Service"))
                .andExpect(jsonPath("$.id").value("https://social.example/actor"))
                .andExpect(jsonPath("$.publicKey.id").value("https://social.example/actor#main-key"))
                .andExpect(jsonPath("$.publicKey.publicKeyPem").exists());
        mvc.perform(get("/.well-known/webfinger").param("resource", "https://social.example/actor"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.links[?(@.rel == 'self')].href").value("https://social.example/actor"));
    }

    @Test
    void hostMetaAndNodeInfoPointTheWay() throws Exception {
        mvc.perform(get("/.well-known/host-meta"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "https://social.example/.well-known/webfinger?resource={uri}")));
        mvc.perform(get("/.well-known/nodeinfo"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.links[1].href").value("https://social.example/nodeinfo/2.1"));
        mvc.perform(get("/nodeinfo/2.1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.software.name").value("tsubame"))
                .andExpect(jsonPath("$.protocols[0]").value("activitypub"))
                .andExpect(jsonPath("$.usage.users.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        mvc.perform(get("/nodeinfo/3.0")).andExpect(status().isNotFound());
    }
}
