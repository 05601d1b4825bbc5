package social.tsubame.boot;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads the database and Redis settings under the names Mastodon admins know ({@code DATABASE_URL},
 * {@code DB_HOST}…, {@code REDIS_URL}, {@code REDIS_HOST}…) and hands them to Spring. Spring's own names
 * ({@code SPRING_DATASOURCE_URL}, {@code SPRING_DATA_REDIS_URL}) win when both are given.
 */
public class ExternalServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DATASOURCE_URL = "spring.datasource.url";
    static final String REDIS_URL = "spring.data.redis.url";
    static final String REDIS_HOST = "spring.data.redis.host";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> resolved = new HashMap<>();
        if (!databaseConfigured(environment)) {
            resolveDatabase(environment, resolved);
        }
        if (!redisConfigured(environment)) {
            resolveRedis(environment, resolved);
        }
        if (!resolved.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("tsubameExternalServices", resolved));
        }
    }

    private static void resolveDatabase(ConfigurableEnvironment env, Map<String, Object> out) {
        String databaseUrl = env.getProperty("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            URI uri = URI.create(databaseUrl.trim());
            String[] userInfo = uri.getRawUserInfo() == null ? new String[0] : uri.getRawUserInfo().split(":", 2);
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            out.put(DATASOURCE_URL, "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
            if (userInfo.length > 0) {
                out.put("spring.datasource.username", decode(userInfo[0]));
            }
            if (userInfo.length > 1) {
                out.put("spring.datasource.password", decode(userInfo[1]));
            }
        } else if (hasText(env, "DB_HOST")) {
            out.put(DATASOURCE_URL, "jdbc:postgresql://" + env.getProperty("DB_HOST") + ":"
                    + env.getProperty("DB_PORT", "5432") + "/" + env.getProperty("DB_NAME", "tsubame"));
            out.put("spring.datasource.username", env.getProperty("DB_USER", "tsubame"));
            out.put("spring.datasource.password", env.getProperty("DB_PASS", ""));
        }
    }

    private static void resolveRedis(ConfigurableEnvironment env, Map<String, Object> out) {
        String redisUrl = env.getProperty("REDIS_URL");
        if (redisUrl != null && !redisUrl.isBlank()) {
            out.put(REDIS_URL, redisUrl.trim());
        } else if (hasText(env, "REDIS_HOST")) {
            out.put(REDIS_HOST, env.getProperty("REDIS_HOST"));
            out.put("spring.data.redis.port", env.getProperty("REDIS_PORT", "6379"));
            if (hasText(env, "REDIS_PASSWORD")) {
                out.put("spring.data.redis.password", env.getProperty("REDIS_PASSWORD"));
            }
        }
    }

    /** An empty variable, as left by a commented-out template, counts as unset. */
    private static boolean hasText(ConfigurableEnvironment env, String name) {
        String value = env.getProperty(name);
        return value != null && !value.isBlank();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    static boolean databaseConfigured(ConfigurableEnvironment env) {
        return hasText(env, DATASOURCE_URL);
    }

    static boolean redisConfigured(ConfigurableEnvironment env) {
        return hasText(env, REDIS_URL) || hasText(env, REDIS_HOST);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 2;
    }
}
