package social.tsubame.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import social.tsubame.admin.CommandRunner.Result;
import social.tsubame.testing.TestServers;

class AdminCliTest {

    private final Map<String, Object> servers = TestServers.freshProperties();

    private Result admin(String... args) {
        return CommandRunner.asFromTheJar(servers, args);
    }

    @Test
    void createsListsAndDeletesAccounts() {
        Result created = admin("accounts", "create", "alice", "--email", "alice@example.org", "--role", "owner");
        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).contains("Created alice").contains("role owner").contains("Password: ");

        Result duplicate = admin("accounts", "create", "Alice", "--email", "other@example.org");
        assertThat(duplicate.exitCode()).isEqualTo(1);

        Result listed = admin("accounts", "list");
        assertThat(listed.out()).contains("alice").contains("owner").contains("active").contains("alice@example.org");
        assertThat(admin("accounts", "approve", "alice").out()).contains("already approved");
        assertThat(admin("accounts", "approve", "nobody").exitCode()).isEqualTo(1);

        assertThat(admin("accounts", "delete", "alice").exitCode()).isZero();
        assertThat(admin("accounts", "list").out()).doesNotContain("alice@example.org");
        assertThat(admin("accounts", "delete", "alice").exitCode()).isEqualTo(1);
    }

    @Test
    void suspendsAndSilencesAccounts() {
        assertThat(admin("accounts", "create", "dave", "--email", "dave@example.org").exitCode()).isZero();

        assertThat(admin("accounts", "suspend", "dave").out()).contains("Suspended dave");
        assertThat(admin("accounts", "suspend", "dave").out()).contains("Nothing to change for dave");
        assertThat(admin("accounts", "unsuspend", "dave").out()).contains("Unsuspended dave");
        assertThat(admin("accounts", "silence", "@dave").out()).contains("Silenced @dave");
        assertThat(admin("accounts", "unsilence", "dave").out()).contains("Unsilenced dave");
        assertThat(admin("accounts", "unsilence", "dave").out()).contains("Nothing to change for dave");
        assertThat(admin("accounts", "sensitive", "dave").out()).contains("Marked sensitive dave");
        assertThat(admin("accounts", "warn", "dave", "--text", "Mind the rules").out()).contains("Warned dave");
        assertThat(admin("accounts", "suspend", "nobody@remote.example").exitCode()).isEqualTo(1);
    }

    @Test
    void listsQueues() {
        Result queues = admin("queues", "list");
        assertThat(queues.exitCode()).isZero();
        assertThat(queues.out()).contains("ingress:low").contains("push").contains("LATENCY");
    }

    @Test
    void pausesAndResumesAQueue() {
        assertThat(admin("queues", "pause", "push").out()).contains("Paused push");
        assertThat(admin("queues", "list").out()).containsPattern("push .* paused");
        assertThat(admin("queues", "resume", "push").out()).contains("Resumed push");
        assertThat(admin("queues", "list").out()).doesNotContain("paused");
        assertThat(admin("queues", "pause", "nonsense").exitCode()).isEqualTo(2);
    }

    @Test
    void steersARemoteServer() {
        assertThat(admin("domains", "throttle", "Loud.Example").out()).contains("loud.example").contains("ingress:low");
        assertThat(admin("domains", "rate-limit", "loud.example", "120").out()).contains("120/min");
        String listed = admin("domains", "list").out();
        assertThat(listed).contains("loud.example").contains("ingress:low").contains("120/min");
        assertThat(admin("domains", "rate-limit", "loud.example", "none").out()).doesNotContain("/min");
        assertThat(admin("domains", "unthrottle", "loud.example").out()).doesNotContain("ingress:low");
        assertThat(admin("domains", "available", "loud.example").out()).contains("available");
        assertThat(admin("domains", "rate-limit", "loud.example", "lots").exitCode()).isEqualTo(2);
        assertThat(admin("domains", "throttle", "not a domain").exitCode()).isEqualTo(2);
    }

    @Test
    void addsListsAndRemovesRules() {
        Result added = admin("rules", "add", "No spam", "--hint", "Advertising counts as spam.");
        assertThat(added.exitCode()).isZero();
        String id = added.out().strip().replace("Added rule ", "");

        assertThat(admin("rules", "list").out()).contains(id).contains("No spam")
                .contains("Advertising counts as spam.");
        assertThat(admin("rules", "add", " ").exitCode()).isEqualTo(1);

        assertThat(admin("rules", "remove", id).exitCode()).isZero();
        assertThat(admin("rules", "list").out()).doesNotContain("No spam");
        assertThat(admin("rules", "remove", id).exitCode()).isEqualTo(1);
    }

    @Test
    void refusesAMistypedNumberBeforeStarting() {
        assertThat(admin("rules", "remove", "twelve").exitCode()).isEqualTo(2);
        assertThat(admin("queues", "dead", "default", "--limit", "many").exitCode()).isEqualTo(2);
    }
}
