package social.tsubame.federation.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuardedDnsResolverTest {

    private final FixedDnsResolver dns = new FixedDnsResolver()
            .answering("evil.test", "10.1.2.3")
            .answering("mixed.test", "192.168.1.10", "203.0.113.7", "fd00::1", "2001:db8::7")
            .answering("loopback.test", "127.0.0.1", "::1")
            .answering("remote.test", "203.0.113.7");

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "0.0.0.0", "[::1]", "::1",
            "[::ffff:127.0.0.1]", "[fe80::1]", "2130706433"})
    void aForbiddenLiteralIsRefusedWithoutAskingDns(String host) {
        GuardedDnsResolver resolver = new GuardedDnsResolver(AddressPolicy.allowing(""), dns);

        assertThatThrownBy(() -> resolver.resolve(host)).isInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> resolver.refuseForbiddenLiteral(host)).isInstanceOf(ForbiddenAddressException.class);
        assertThat(dns.asked()).isEmpty();
    }

    @Test
    void aPermittedLiteralIsItsOwnAnswer() throws UnknownHostException {
        GuardedDnsResolver resolver = new GuardedDnsResolver(AddressPolicy.allowing("127.0.0.0/8"), dns);

        assertThat(resolver.resolve("203.0.113.7")).containsExactly(InetAddress.ofLiteral("203.0.113.7"));
        assertThat(resolver.resolve("127.0.0.1")).containsExactly(InetAddress.ofLiteral("127.0.0.1"));
        assertThat(dns.asked()).isEmpty();
    }

    @Test
    void aNameResolvingOnlyToForbiddenAddressesIsRefused() {
        GuardedDnsResolver resolver = new GuardedDnsResolver(AddressPolicy.allowing(""), dns);

        assertThatThrownBy(() -> resolver.resolve("evil.test"))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessageContaining("evil.test")
                .hasMessageContaining("10.1.2.3");
        assertThatThrownBy(() -> resolver.resolve("loopback.test")).isInstanceOf(ForbiddenAddressException.class);
    }

    @Test
    void onlyThePermittedAddressesOfANameAreHandedOn() throws UnknownHostException {
        GuardedDnsResolver resolver = new GuardedDnsResolver(AddressPolicy.allowing(""), dns);

        assertThat(resolver.resolve("mixed.test")).containsExactly(
                InetAddress.ofLiteral("203.0.113.7"), InetAddress.ofLiteral("2001:db8::7"));
        assertThat(resolver.resolve("remote.test")).containsExactly(InetAddress.ofLiteral("203.0.113.7"));
    }

    @Test
    void theAllowListAppliesToResolvedAddresses() throws UnknownHostException {
        GuardedDnsResolver resolver = new GuardedDnsResolver(AddressPolicy.allowing("127.0.0.1/32"), dns);

        assertThat(resolver.resolve("loopback.test")).containsExactly(InetAddress.ofLiteral("127.0.0.1"));
    }

    @Test
    void aNameThatDoesNotResolveIsAnOrdinaryLookupFailure() {
        GuardedDnsResolver resolver = new GuardedDnsResolver(AddressPolicy.allowing(""), dns);

        assertThatThrownBy(() -> resolver.resolve("nowhere.test"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(ForbiddenAddressException.class);
    }

    @Test
    void aNameIsLeftForResolutionByTheLiteralCheck() throws ForbiddenAddressException {
        new GuardedDnsResolver(AddressPolicy.allowing(""), dns).refuseForbiddenLiteral("evil.test");

        assertThat(dns.asked()).isEmpty();
    }
}
