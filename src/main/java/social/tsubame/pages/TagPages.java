package social.tsubame.pages;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import social.tsubame.boot.Roles;
import social.tsubame.core.Uris;
import social.tsubame.timeline.StatusPages;
import social.tsubame.web.Page;

/** {@code /tags/cats}: the public posts with a hashtag, local and remote, newest first; older by {@code max_id}. */
@Controller
@Profile(Roles.WEB)
class TagPages {

    private static final int PAGE_SIZE = 20;
    /** Letters, digits, marks and underscores, as hashtags are made of (status.LocalTextToHtml). */
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}\\p{M}_]{1,100}");

    private final StatusPages statusPages;
    private final PublicPosts posts;
    private final Uris uris;

    TagPages(StatusPages statusPages, PublicPosts posts, Uris uris) {
        this.statusPages = statusPages;
        this.posts = posts;
        this.uris = uris;
    }

    @PageGet("/tags/{tag}")
    String tag(@PathVariable String tag, @RequestParam(name = "max_id", required = false) String maxId,
               Model model) {
        if (!TAG.matcher(tag).matches()) {
            throw new PageNotFound();
        }
        String name = tag.toLowerCase(Locale.ROOT);
        Page page = Page.of(maxId, null, null, PAGE_SIZE, PAGE_SIZE);
        List<Long> ids = statusPages.tagTimeline(name, false, Optional.empty(), page);
        String tagUrl = uris.tag(name);
        model.addAttribute("tag", name);
        model.addAttribute("posts", posts.render(ids));
        model.addAttribute("newestUrl", page.maxId() == null ? null : tagUrl);
        model.addAttribute("olderUrl", ids.size() < PAGE_SIZE ? null : tagUrl + "?max_id=" + ids.getLast());
        model.addAttribute("meta", PageMeta.website("#" + name, "Public posts tagged #" + name, tagUrl));
        return "pages/tag";
    }
}
