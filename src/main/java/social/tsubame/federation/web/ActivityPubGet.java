package social.tsubame.federation.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/** A GET of an ActivityPub document, answered for every content type fediverse software asks with. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(method = RequestMethod.GET, produces = {ActivityPubMediaTypes.ACTIVITY_JSON, ActivityPubMediaTypes.LD_JSON_ACTIVITY_STREAMS,
        ActivityPubMediaTypes.LD_JSON, "application/json"})
@interface ActivityPubGet {

    @AliasFor(annotation = RequestMapping.class, attribute = "value")
    String[] value();
}
