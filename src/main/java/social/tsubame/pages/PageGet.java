package social.tsubame.pages;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * A GET of a page for people. Where the same address also answers ActivityPub JSON (the federation role maps it
 * with the ActivityPub types), Spring picks by the Accept header: a type the federation mapping names exactly goes
 * there, while a browser's {@code text/html}, {@code *}{@code /*} or no Accept at all gets the page, as nginx routes
 * them in a split deployment (config/nginx.conf).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(method = RequestMethod.GET, produces = {"text/html", "*/*"})
@interface PageGet {

    @AliasFor(annotation = RequestMapping.class, attribute = "value")
    String[] value();
}
