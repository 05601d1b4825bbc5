package social.tsubame.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import social.tsubame.testing.TestServers;

/**
 * The PostgreSQL and Redis a benchmark runs on: the test run's embedded servers, with a database and a Redis
 * namespace of its own, which the benchmark reaches directly to lay out its data and to watch for results.
 */
final class BenchStores {

    private BenchStores() {
    }

    record Database(Map<String, String> properties) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(properties.get("spring.datasource.url"),
                    properties.get("spring.datasource.username"), "");
        }

        String namespace() {
            return properties.get("tsubame.redis.namespace");
        }

        /** A Redis key as the server names it, behind its namespace. */
        String redisKey(String name) {
            return namespace() + ":" + name;
        }

        StatefulRedisConnection<String, String> redis() {
            return RedisClient.create(properties.get("spring.data.redis.url")).connect();
        }
    }

    static Database fresh() {
        Map<String, String> properties = new LinkedHashMap<>();
        TestServers.freshProperties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return new Database(properties);
    }
}
