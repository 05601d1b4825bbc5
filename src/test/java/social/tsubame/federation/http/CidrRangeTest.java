package social.tsubame.federation.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrRangeTest {

    @Test
    void aRangeHoldsTheAddressesSharingItsPrefix() {
        CidrRange range = CidrRange.parse("172.16.0.0/12");

        assertThat(range.contains(ip("172.16.0.0"))).isTrue();
        assertThat(range.contains(ip("172.31.255.255"))).isTrue();
        assertThat(range.contains(ip("172.15.255.255"))).isFalse();
        assertThat(range.contains(ip("172.32.0.0"))).isFalse();
    }

    @Test
    void ipv6RangesWorkTheSameWay() {
        CidrRange range = CidrRange.parse("fe80::/10");

        assertThat(range.contains(ip("fe80::1"))).isTrue();
        assertThat(range.contains(ip("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(range.contains(ip("fec0::"))).isFalse();
    }

    @Test
    void aBareAddressIsARangeOfOne() {
        CidrRange range = CidrRange.parse("10.1.2.3");

        assertThat(range).isEqualTo(CidrRange.parse("10.1.2.3/32"));
        assertThat(range.contains(ip("10.1.2.3"))).isTrue();
        assertThat(range.contains(ip("10.1.2.4"))).isFalse();
        assertThat(CidrRange.parse("::1")).isEqualTo(CidrRange.parse("::1/128"));
    }

    @Test
    void hostBitsAreIgnored() {
        assertThat(CidrRange.parse("10.1.2.3/8")).isEqualTo(CidrRange.parse("10.0.0.0/8"));
        assertThat(CidrRange.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
    }

    @Test
    void familiesNeverMix() {
        assertThat(CidrRange.parse("::/0").contains(ip("127.0.0.1"))).isFalse();
        assertThat(CidrRange.parse("0.0.0.0/0").contains(ip("::1"))).isFalse();
        assertThat(CidrRange.parse("0.0.0.0/0").contains(ip("203.0.113.7"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com/24", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "::/129",
            "10.0.0.0/"})
    void anythingButAnAddressOrRangeIsRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> CidrRange.parse(text));
    }

    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }
}
