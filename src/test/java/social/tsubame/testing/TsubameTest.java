package social.tsubame.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole Tsubame (every role) on a random port, against real PostgreSQL and Redis, with a database and a Redis
 * namespace of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tsubame.embedded.enabled=false", "tsubame.queue.upkeep-interval=50ms",
                "tsubame.rate-limits.enabled=false"})
@ContextConfiguration(initializers = TestServersInitializer.class)
public @interface TsubameTest {
}
