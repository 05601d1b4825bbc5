package social.tsubame.federation.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves host names for the HTTP client and hands it only the addresses the {@link AddressPolicy} permits. The
 * client connects to nothing else, so the check holds for every connection, every redirect hop, and a DNS answer that
 * changes between two lookups.
 */
public final class GuardedDnsResolver implements DnsResolver {

    private final AddressPolicy policy;
    private final DnsResolver delegate;

    /** @param delegate what really resolves names: the system's resolver, or a fixed table in tests */
    public GuardedDnsResolver(AddressPolicy policy, DnsResolver delegate) {
        this.policy = policy;
        this.delegate = delegate;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        Optional<InetAddress> literal = literal(host);
        if (literal.isPresent()) {
            refuseIfForbidden(host, literal.get());
            return new InetAddress[] {literal.get()};
        }
        InetAddress[] all = delegate.resolve(host);
        InetAddress[] permitted = Arrays.stream(all).filter(policy::permits).toArray(InetAddress[]::new);
        if (permitted.length == 0) {
            throw new ForbiddenAddressException(
                    "Host " + host + " resolves only to forbidden addresses " + Arrays.toString(all));
        }
        return permitted;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }

    /** Refuses a host written as a forbidden IP address; a host name is left for {@link #resolve}. */
    void refuseForbiddenLiteral(String host) throws ForbiddenAddressException {
        Optional<InetAddress> literal = literal(host);
        if (literal.isPresent()) {
            refuseIfForbidden(host, literal.get());
        }
    }

    private void refuseIfForbidden(String host, InetAddress address) throws ForbiddenAddressException {
        if (!policy.permits(address)) {
            throw new ForbiddenAddressException("Address " + host + " is forbidden");
        }
    }

    private static Optional<InetAddress> literal(String host) {
        try {
            return Optional.of(InetAddress.ofLiteral(host));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }
}
