package social.tsubame.boot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the role profiles into a running shape: no role named means every role, and a process that serves no HTTP
 * role keeps only its management port open.
 */
public class RolesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String MANAGEMENT_PORT = "management.server.port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var active = Arrays.asList(environment.getActiveProfiles());
        if (active.contains(Roles.ADMIN_CLI)) {
            return;
        }
        if (Roles.ALL.stream().noneMatch(active::contains)) {
            Roles.ALL.forEach(environment::addActiveProfile);
            return;
        }
        if (Roles.SERVING.stream().noneMatch(active::contains)) {
            keepOnlyManagementPort(environment);
        }
    }

    /**
     * The main connector moves to the management port, where only actuator endpoints exist in a process without a
     * serving role: no controller of the API is registered there.
     */
    private static void keepOnlyManagementPort(ConfigurableEnvironment environment) {
        String port = environment.getProperty(MANAGEMENT_PORT, environment.getProperty("server.port", "9090"));
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("server.port", port);
        // Empty, not equal to server.port: with both at 0 (tests) Spring would still open a second, random port.
        overrides.put(MANAGEMENT_PORT, "");
        environment.getPropertySources().addFirst(new MapPropertySource("tsubameWorkerOnly", overrides));
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
