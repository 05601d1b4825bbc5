package social.tsubame.federation.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which addresses federation may connect to: any public address, and of the loopback, private, link-local and other
 * special-purpose blocks only what the operator allowed. A remote server chooses the URLs we fetch, so without this it
 * could make us reach the database, the cloud metadata service or anything else behind our firewall.
 */
public final class AddressPolicy {

    private static final List<CidrRange> FORBIDDEN = Stream.of(
            "0.0.0.0/8",         // "this network"; 0.0.0.0 reaches the local host
            "10.0.0.0/8",        // private
            "100.64.0.0/10",     // carrier-grade NAT, private to a provider
            "127.0.0.0/8",       // loopback
            "169.254.0.0/16",    // link-local, home of cloud metadata services (169.254.169.254)
            "172.16.0.0/12",     // private
            "192.0.0.0/24",      // IETF protocol assignments
            "192.168.0.0/16",    // private
            "198.18.0.0/15",     // benchmarking, used inside networks
            "224.0.0.0/4",       // multicast
            "240.0.0.0/4",       // reserved, and the broadcast address
            "::/128",            // unspecified
            "::1/128",           // loopback
            "64:ff9b:1::/48",    // NAT64 for local use
            "fc00::/7",          // unique local, IPv6's private blocks
            "fe80::/10",         // link-local
            "fec0::/10",         // site-local, deprecated but still routed by some
            "ff00::/8")          // multicast
            .map(CidrRange::parse)
            .toList();

    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] COMPATIBLE_PREFIX = new byte[12];

    private final List<CidrRange> allowed;

    public AddressPolicy(List<CidrRange> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** A policy allowing the comma-separated IPs and CIDR ranges of {@code ALLOWED_PRIVATE_ADDRESSES}. */
    public static AddressPolicy allowing(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return new AddressPolicy(List.of());
        }
        return new AddressPolicy(Arrays.stream(commaSeparated.split(","))
                .filter(entry -> !entry.isBlank())
                .map(CidrRange::parse)
                .toList());
    }

    public boolean permits(InetAddress address) {
        if (allowed.stream().anyMatch(range -> range.contains(address))) {
            return true;
        }
        if (FORBIDDEN.stream().anyMatch(range -> range.contains(address))) {
            return false;
        }
        // An IPv6 address that carries an IPv4 one reaches that IPv4 host (through the kernel, a NAT64 gateway or a
        // 6to4 relay), so the IPv4 address decides.
        return embeddedIPv4(address).map(this::permits).orElse(true);
    }

    private static Optional<InetAddress> embeddedIPv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        byte[] prefix = Arrays.copyOf(bytes, 12);
        if (Arrays.equals(prefix, MAPPED_PREFIX) || Arrays.equals(prefix, COMPATIBLE_PREFIX)
                || Arrays.equals(prefix, NAT64_PREFIX)) {
            return Optional.of(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
        }
        boolean sixToFour = bytes[0] == 0x20 && bytes[1] == 0x02;
        return sixToFour ? Optional.of(ipv4(Arrays.copyOfRange(bytes, 2, 6))) : Optional.empty();
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes are always an IPv4 address", e);
        }
    }
}
