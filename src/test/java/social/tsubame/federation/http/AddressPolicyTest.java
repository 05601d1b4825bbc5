package social.tsubame.federation.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    private final AddressPolicy strict = AddressPolicy.allowing("");

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254", "::1",                              // loopback
            "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255",       // private
            "192.168.0.1", "192.168.255.255", "fc00::1", "fd12:3456:789a::1",
            "169.254.0.1", "169.254.169.254", "fe80::1", "febf::1",             // link-local
            "0.0.0.0", "0.1.2.3", "::",                                         // unspecified, "this network"
            "224.0.0.1", "239.255.255.250", "ff02::1", "ff0e::1",               // multicast
            "100.64.0.1", "100.127.255.255",                                    // carrier-grade NAT
            "240.0.0.1", "255.255.255.255", "192.0.0.8", "198.18.0.1",          // reserved and special
            "fec0::1", "64:ff9b:1::a00:1"})
    void specialPurposeAddressesAreForbidden(String literal) {
        assertThat(strict.permits(InetAddress.ofLiteral(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "8.8.8.8", "1.1.1.1", "203.0.113.7",
            "9.255.255.255", "11.0.0.0", "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0",
            "100.63.255.255", "100.128.0.0", "169.253.255.255", "169.255.0.0", "126.255.255.255", "128.0.0.0",
            "223.255.255.255", "2606:4700:4700::1111", "2001:4860:4860::8888", "fbff::1"})
    void publicAddressesArePermitted(String literal) {
        assertThat(strict.permits(InetAddress.ofLiteral(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "0.0.0.0", "192.168.1.1", "100.64.0.1"})
    void anIpv4MappedAddressIsJudgedByItsIpv4Address(String ipv4) {
        assertThat(strict.permits(mapped(ipv4))).isFalse();
        assertThat(strict.permits(mapped("8.8.8.8"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "::127.0.0.1", "::10.0.0.1",                 // IPv4-compatible
            "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", // NAT64 of 127.0.0.1 and 169.254.169.254
            "2002:7f00:1::1", "2002:a00:1::"})           // 6to4 of 127.0.0.1 and 10.0.0.1
    void otherIpv6FormsCarryingAForbiddenIpv4AddressAreForbidden(String literal) {
        InetAddress address = InetAddress.ofLiteral(literal);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(strict.permits(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void otherIpv6FormsCarryingAPublicIpv4AddressArePermitted(String literal) {
        assertThat(strict.permits(InetAddress.ofLiteral(literal))).isTrue();
    }

    @Test
    void theAllowListOpensItsRangesOnly() {
        AddressPolicy policy = AddressPolicy.allowing(" 127.0.0.0/8 , ::1,10.1.2.3 ");

        assertThat(policy.permits(InetAddress.ofLiteral("127.0.0.1"))).isTrue();
        assertThat(policy.permits(InetAddress.ofLiteral("127.4.5.6"))).isTrue();
        assertThat(policy.permits(InetAddress.ofLiteral("::1"))).isTrue();
        assertThat(policy.permits(InetAddress.ofLiteral("10.1.2.3"))).isTrue();
        assertThat(policy.permits(mapped("127.0.0.1"))).isTrue();

        assertThat(policy.permits(InetAddress.ofLiteral("10.1.2.4"))).isFalse();
        assertThat(policy.permits(InetAddress.ofLiteral("169.254.169.254"))).isFalse();
        assertThat(policy.permits(InetAddress.ofLiteral("fe80::1"))).isFalse();
        assertThat(policy.permits(InetAddress.ofLiteral("::2"))).isFalse();
    }

    @Test
    void anEmptyOrMissingAllowListAllowsNothingSpecial() {
        for (AddressPolicy policy : new AddressPolicy[] {AddressPolicy.allowing(null), AddressPolicy.allowing(" "),
                AddressPolicy.allowing(",")}) {
            assertThat(policy.permits(InetAddress.ofLiteral("127.0.0.1"))).isFalse();
            assertThat(policy.permits(InetAddress.ofLiteral("203.0.113.7"))).isTrue();
        }
    }

    @Test
    void aMalformedAllowListStopsTheServerFromStarting() {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressPolicy.allowing("127.0.0.0/8,localhost"));
        assertThatIllegalArgumentException().isThrownBy(() -> AddressPolicy.allowing("10.0.0.0/40"));
    }

    /** {@code ::ffff:a.b.c.d} kept as IPv6: parsing its text would hand back the IPv4 address instead. */
    private static InetAddress mapped(String ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(InetAddress.ofLiteral(ipv4).getAddress(), 0, bytes, 12, 4);
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
