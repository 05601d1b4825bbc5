package social.tsubame.pages;

import java.util.regex.Pattern;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import social.tsubame.boot.Roles;
import social.tsubame.core.Uris;

/**
 * A browser that opens an ActivityPub id ({@code /users/alice}, {@code /users/alice/statuses/1}) is sent to the
 * page for people, as on Mastodon. Only {@code text/html} is claimed here: a request that accepts anything still
 * gets the ActivityPub document, as remote servers have always had it at these addresses.
 */
@Controller
@Profile(Roles.WEB)
class ActorPageRedirects {

    /** Local usernames; anything else has no page to go to. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private final Uris uris;

    ActorPageRedirects(Uris uris) {
        this.uris = uris;
    }

    @GetMapping(value = "/users/{username}", produces = "text/html")
    String profile(@PathVariable String username) {
        requireMatch(USERNAME, username);
        return "redirect:" + uris.profile(username);
    }

    @GetMapping(value = "/users/{username}/statuses/{id}", produces = "text/html")
    String status(@PathVariable String username, @PathVariable String id) {
        requireMatch(USERNAME, username);
        requireMatch(ID, id);
        return "redirect:" + uris.statusPage(username, Long.parseLong(id));
    }

    private static void requireMatch(Pattern pattern, String value) {
        if (!pattern.matcher(value).matches()) {
            throw new PageNotFound();
        }
    }
}
