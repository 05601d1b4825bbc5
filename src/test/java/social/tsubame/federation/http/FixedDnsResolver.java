package social.tsubame.federation.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.hc.client5.http.DnsResolver;

/** DNS answered from a table, so that tests can point a name at any address without asking a real server. */
final class FixedDnsResolver implements DnsResolver {

    private final Map<String, InetAddress[]> table = new HashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    FixedDnsResolver answering(String host, String... addresses) {
        table.put(host, Arrays.stream(addresses).map(InetAddress::ofLiteral).toArray(InetAddress[]::new));
        return this;
    }

    /** The names looked up, in order. */
    List<String> asked() {
        return asked;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        asked.add(host);
        InetAddress[] addresses = table.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses.clone();
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
