package social.tsubame.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts PostgreSQL and Redis inside the JVM when no external ones are configured, so that one command runs a whole
 * server on a machine with nothing but a JDK. Data lives under {@code TSUBAME_DATA_DIR}.
 */
public class EmbeddedServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DATABASE = "tsubame";

    private final Log log = LogFactory.getLog(getClass());

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean needPostgres = !ExternalServicesEnvironmentPostProcessor.databaseConfigured(environment);
        boolean needRedis = !ExternalServicesEnvironmentPostProcessor.redisConfigured(environment);
        if (!environment.getProperty("tsubame.embedded.enabled", Boolean.class, true) || !needPostgres && !needRedis) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("tsubame.data-dir", "data")).toAbsolutePath().normalize();
        Map<String, Object> properties = new HashMap<>();
        List<Path> acquired = new ArrayList<>();
        try {
            if (needPostgres) {
                int port = port(environment, "tsubame.embedded.postgres-port");
                Path directory = dataDir.resolve("postgres");
                EmbeddedPostgresServer postgres = EmbeddedServers.postgres(directory, port);
                acquired.add(directory);
                postgres.createDatabaseIfMissing(DATABASE);
                properties.put("spring.datasource.url", postgres.jdbcUrl(DATABASE));
                properties.put("spring.datasource.username", postgres.username());
                properties.put("spring.datasource.password", "");
                log.info("Embedded PostgreSQL at " + postgres.jdbcUrl(DATABASE) + ", data in " + dataDir);
            }
            if (needRedis) {
                int port = port(environment, "tsubame.embedded.redis-port");
                Path directory = dataDir.resolve("redis");
                EmbeddedRedisServer redis = EmbeddedServers.redis(directory, port);
                acquired.add(directory);
                properties.put("spring.data.redis.url", redis.url());
                log.info("Embedded Redis at " + redis.url() + ", data in " + dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded services in " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the embedded database in " + dataDir, e);
        }
        environment.getPropertySources().addLast(new MapPropertySource("tsubameEmbeddedServices", properties));
        // Registered first, so destroyed last: the pools and consumers close before their servers stop.
        application.addInitializers(context -> ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("tsubameEmbeddedServices", () -> {
                    for (Path directory : acquired) {
                        EmbeddedServers.release(directory);
                    }
                }));
    }

    /** A configured port, or 0 (any free one) when unset or empty. */
    private static int port(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name, "");
        return value.isBlank() ? 0 : Integer.parseInt(value.trim());
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 3;
    }
}
