package social.tsubame.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context its own database and Redis namespace on the shared test servers. A test that
 * brings a Redis of its own (with {@code @DynamicPropertySource}) keeps it.
 */
public class TestServersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String REDIS_URL = "spring.data.redis.url";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Map<String, Object> properties = TestServers.freshProperties();
        if (environment.containsProperty(REDIS_URL)) {
            properties.remove(REDIS_URL);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("tsubameTestServers", properties));
    }
}
