package social.tsubame.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller parameter (a record) filled the way Mastodon reads its parameters: from a JSON body, or from query
 * and form fields in Rails' bracket style ({@code media_ids[]=1}, {@code fields_attributes[0][name]=x}); names are
 * snake_case.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiParams {
}
