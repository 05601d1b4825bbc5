package social.tsubame.federation.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static social.tsubame.federation.http.LoopbackServer.body;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

import social.tsubame.core.ServerIdentity;
import social.tsubame.instance.SoftwareVersion;

class FederationHttpConfigurationTest {

    private final LoopbackServer server;
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(FederationHttpConfiguration.class, Collaborators.class)
            .withPropertyValues("tsubame.local-domain=tsubame.test", "tsubame.local-https=true");

    FederationHttpConfigurationTest() throws IOException {
        server = new LoopbackServer().on("/note", body(200, "application/activity+json", "{\"id\":\"note\"}"));
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void theClientIntroducesItselfAsThisServer() {
        context.withPropertyValues("tsubame.federation.allowed-private-addresses=127.0.0.0/8").run(spring -> {
            FederationHttpClient client = spring.getBean(FederationHttpClient.class);

            assertThat(client.fetchActivityJson(server.uri("/note"), RequestSigner.NONE).status()).isEqualTo(200);
            assertThat(server.received()).singleElement().satisfies(request -> assertThat(
                    request.headers().getFirst("User-Agent"))
                    .isEqualTo("Tsubame/" + new SoftwareVersion().version() + " (+https://tsubame.test)"));
        });
    }

    @Test
    void loopbackIsForbiddenUnlessAllowed() {
        context.run(spring -> assertThatThrownBy(() -> spring.getBean(FederationHttpClient.class)
                .fetchActivityJson(server.uri("/note"), RequestSigner.NONE))
                .isInstanceOf(ForbiddenAddressException.class));
    }

    @Test
    void limitsAreConfigurable() {
        context.withPropertyValues("tsubame.federation.allowed-private-addresses=127.0.0.1",
                "tsubame.federation.http.max-body-size=8B").run(spring -> {
            assertThat(spring.getBean(FederationHttpProperties.class).maxBodySize().toBytes()).isEqualTo(8);
            assertThatThrownBy(() -> spring.getBean(FederationHttpClient.class)
                    .fetchActivityJson(server.uri("/note"), RequestSigner.NONE))
                    .isInstanceOf(ResponseTooLargeException.class);
        });
    }

    @Test
    void unconfiguredLimitsHaveDefaults() {
        context.run(spring -> assertThat(spring.getBean(FederationHttpProperties.class)).isEqualTo(
                new FederationHttpProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), DataSize.ofBytes(1 << 20),
                        3, 8, 1024, Duration.ofSeconds(30))));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ServerIdentity.class, FederationHttpProperties.class})
    @Import(SoftwareVersion.class)
    static class Collaborators {
    }
}
