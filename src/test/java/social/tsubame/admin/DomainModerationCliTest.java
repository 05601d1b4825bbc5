package social.tsubame.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import social.tsubame.testing.TestServers;

/** The operator's commands for domain blocks, the allow-list and relays. */
class DomainModerationCliTest {

    private final Map<String, Object> servers = TestServers.freshProperties();

    private CommandRunner.Result admin(String... args) {
        return CommandRunner.asFromTheJar(servers, args);
    }

    @Test
    void blocksAllowsAndRelaysAreManagedFromTheCommandLine() {
        CommandRunner.Result blocked = admin("domain-blocks", "add", "Spam.Example", "--severity", "suspend",
                "--reject-media", "--public-comment", "Spam");
        assertThat(blocked.exitCode()).isZero();
        assertThat(blocked.out()).contains("spam.example").contains("suspend").contains("media").contains("Spam");
        assertThat(admin("domain-blocks", "add", "spam.example").exitCode()).isEqualTo(1);
        assertThat(admin("domain-blocks", "add", "x.example", "--severity", "ban").exitCode()).isEqualTo(1);
        assertThat(admin("domain-blocks", "list").out()).contains("spam.example");
        assertThat(admin("domain-blocks", "remove", "spam.example").exitCode()).isZero();
        assertThat(admin("domain-blocks", "list").out()).doesNotContain("spam.example");
        assertThat(admin("domain-blocks", "remove", "spam.example").exitCode()).isEqualTo(1);

        assertThat(admin("domain-allows", "add", "friends.example").out()).contains("Allowed friends.example");
        assertThat(admin("domain-allows", "list").out()).contains("friends.example");
        assertThat(admin("domain-allows", "remove", "friends.example").exitCode()).isZero();
        assertThat(admin("domain-allows", "list").out()).doesNotContain("friends.example");

        CommandRunner.Result relay = admin("relays", "add", "https://relay.example/inbox");
        assertThat(relay.out()).contains("Added relay").contains("pending");
        String id = relay.out().replaceAll("(?s).*Added relay (\\d+).*", "$1");
        assertThat(admin("relays", "list").out()).contains("https://relay.example/inbox").contains("pending");
        assertThat(admin("relays", "add", "https://relay.example/inbox").exitCode()).isEqualTo(1);
        assertThat(admin("relays", "remove", id).exitCode()).isZero();
        assertThat(admin("relays", "list").out()).doesNotContain("relay.example");
    }
}
