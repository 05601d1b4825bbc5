package social.tsubame.federation.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A block of IPv4 or IPv6 addresses written in CIDR notation, such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare
 * address is a block of one.
 *
 * @param network      the first address of the block
 * @param prefixLength how many leading bits every address of the block shares with {@code network}
 */
public record CidrRange(InetAddress network, int prefixLength) {

    public CidrRange {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("Prefix length " + prefixLength + " out of range for " + network);
        }
        network = withHostBitsCleared(network, prefixLength);
    }

    /** Parses {@code address} or {@code address/prefix}; a host name is refused, as it would need a DNS lookup. */
    public static CidrRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(slash < 0 ? trimmed : trimmed.substring(0, slash));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an IP address or CIDR range: " + text, e);
        }
        if (slash < 0) {
            return new CidrRange(address, address.getAddress().length * 8);
        }
        try {
            return new CidrRange(address, Integer.parseInt(trimmed.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a CIDR prefix length in " + text, e);
        }
    }

    /** True when {@code address} is of the same family and shares the prefix; IPv4 is never inside an IPv6 block. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] first = network.getAddress();
        return candidate.length == first.length && Arrays.equals(clearHostBits(candidate, prefixLength), first);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }

    private static InetAddress withHostBitsCleared(InetAddress address, int prefixLength) {
        try {
            return InetAddress.getByAddress(clearHostBits(address.getAddress(), prefixLength));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("An address of 4 or 16 bytes is always valid", e);
        }
    }

    private static byte[] clearHostBits(byte[] address, int prefixLength) {
        for (int i = 0; i < address.length; i++) {
            int kept = Math.clamp(prefixLength - i * 8L, 0, 8);
            address[i] &= (byte) (0xff << (8 - kept));
        }
        return address;
    }
}
