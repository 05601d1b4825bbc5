package social.tsubame.web.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OAuth scope a client API endpoint needs, such as {@code write:media}; its parent scope ({@code write})
 * grants it too. With several, any one of them will do. A request whose token lacks it is answered 403 before the handler runs. An endpoint that
 * answers anonymous callers still checks the scope when a token is presented.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresScope {

    String[] value();
}
