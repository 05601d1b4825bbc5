package social.tsubame.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import social.tsubame.TsubameApplication;

/**
 * A whole Tsubame server on its own loopback address and port, with its own database and Redis namespace: several of
 * them in one test federate with each other over real HTTP. Addresses 127.0.0.x stand for different domains.
 */
public final class TestServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String domain;

    private TestServer(ConfigurableApplicationContext context, String domain) {
        this.context = context;
        this.domain = domain;
    }

    /**
     * @param extraArgs {@code --name=value} options; one naming a property set here replaces it, e.g.
     *                  {@code --tsubame.federation.allowed-private-addresses=} for a server that may not reach
     *                  loopback
     */
    public static TestServer start(String loopbackAddress, String... extraArgs) {
        int port = freePort();
        String domain = loopbackAddress + ":" + port;
        Map<String, Object> properties = new HashMap<>(TestServers.freshProperties());
        properties.put("server.port", port);
        properties.put("tsubame.local-domain", domain);
        properties.put("tsubame.embedded.enabled", false);
        properties.put("tsubame.federation.allowed-private-addresses", "127.0.0.0/8");
        properties.put("tsubame.queue.upkeep-interval", "50ms");
        properties.put("tsubame.queues.push.base-backoff", "200ms");
        List<String> args = new ArrayList<>();
        // Spring joins repeated options with commas rather than letting the last win, so an extra argument replaces
        // the default of the same name here.
        List<String> extraNames = Arrays.stream(extraArgs).map(TestServer::optionName).toList();
        properties.forEach((key, value) -> {
            if (!extraNames.contains(key)) {
                args.add("--" + key + "=" + value);
            }
        });
        args.addAll(List.of(extraArgs));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TsubameApplication.class)
                .run(args.toArray(String[]::new));
        return new TestServer(context, domain);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The domain of this server's accounts, {@code 127.0.0.x:port}. */
    public String domain() {
        return domain;
    }

    public String baseUrl() {
        return "http://" + domain;
    }

    private static String optionName(String arg) {
        String option = arg.startsWith("--") ? arg.substring(2) : arg;
        int equals = option.indexOf('=');
        return equals < 0 ? option : option.substring(0, equals);
    }

    /** A port nobody listens on now, for a server that must know its port before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
