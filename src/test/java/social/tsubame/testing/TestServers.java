package social.tsubame.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import social.tsubame.boot.EmbeddedPostgresServer;
import social.tsubame.boot.EmbeddedRedisServer;

/**
 * The PostgreSQL and Redis servers of a test run: started once per JVM in a temporary directory. Every application
 * context gets a database of its own and a Redis namespace of its own, so contexts and runs never see each other's
 * data.
 */
public final class TestServers {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedRedisServer redis;

    private TestServers() {
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgresServer.start(Files.createTempDirectory("tsubame-test-pg")
                        .resolve("postgres"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    public static synchronized EmbeddedRedisServer redis() {
        if (redis == null) {
            try {
                redis = EmbeddedRedisServer.start(Files.createTempDirectory("tsubame-test-redis")
                        .resolve("redis"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return redis;
    }

    /** Properties pointing an application at a new empty database, a new Redis namespace and a new media folder. */
    public static Map<String, Object> freshProperties() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            postgres().createDatabaseIfMissing(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", postgres().jdbcUrl(name));
        properties.put("spring.datasource.username", postgres().username());
        properties.put("spring.datasource.password", "");
        properties.put("spring.data.redis.url", redis().url());
        properties.put("tsubame.redis.namespace", name);
        properties.put("tsubame.media.local-path", Path.of(System.getProperty("java.io.tmpdir"), "tsubame-test-media",
                name).toString());
        return properties;
    }

}
