package social.tsubame.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;

import social.tsubame.account.Account;
import social.tsubame.api.model.ApiMediaAttachment;
import social.tsubame.boot.Roles;
import social.tsubame.core.Uris;
import social.tsubame.status.Status;
import social.tsubame.status.StatusThreads;
import social.tsubame.status.Statuses;

/**
 * A local post's page for visitors, with what it replies to and the replies to it, each only if public or unlisted.
 * A boost's address leads to what it boosts; a remote post's address to its own server.
 */
@Controller
@Profile(Roles.WEB)
class ThreadPages {

    private final PageAccounts pageAccounts;
    private final Statuses statuses;
    private final StatusThreads threads;
    private final PublicPosts posts;
    private final Uris uris;

    ThreadPages(PageAccounts pageAccounts, Statuses statuses, StatusThreads threads, PublicPosts posts, Uris uris) {
        this.pageAccounts = pageAccounts;
        this.statuses = statuses;
        this.threads = threads;
        this.posts = posts;
        this.uris = uris;
    }

    @PageGet("/@{handle}/{id}")
    Object post(@PathVariable String handle, @PathVariable String id, Model model) {
        PageAccounts.Found found = pageAccounts.find(handle);
        Account author = switch (found) {
            case PageAccounts.Local local -> local.account();
            case PageAccounts.Remote remote -> remote.account();
        };
        Status status = statuses.findById(parse(id))
                .filter(candidate -> candidate.accountId() == author.id() && posts.visible(candidate.id()))
                .orElseThrow(PageNotFound::new);
        if (found instanceof PageAccounts.Remote) {
            return RemotePages.redirect(status.url() != null ? status.url() : status.uri());
        }
        if (status.reblogOfId() != null) {
            return originalOf(status);
        }
        List<Long> ancestors = threads.ancestorIds(status.id());
        List<Long> descendants = threads.descendantIds(status.id());
        List<Long> all = new ArrayList<>(ancestors);
        all.add(status.id());
        all.addAll(descendants);
        Map<String, PostView> rendered = posts.render(all).stream()
                .collect(Collectors.toMap(PostView::id, Function.identity()));
        PostView post = rendered.get(Long.toString(status.id()));
        if (post == null) {
            throw new PageNotFound();
        }
        model.addAttribute("post", post);
        model.addAttribute("ancestors", inOrder(ancestors, rendered));
        model.addAttribute("descendants", inOrder(descendants, rendered));
        model.addAttribute("meta", meta(post, author));
        return "pages/status";
    }

    /** Mastodon's answer for a boost's page: the page of the boosted post, wherever it lives. */
    private Object originalOf(Status boost) {
        Status original = statuses.findById(boost.reblogOfId()).orElseThrow(PageNotFound::new);
        return RemotePages.redirect(original.url() != null ? original.url() : original.uri());
    }

    private PageMeta meta(PostView post, Account author) {
        ApiMediaAttachment image = post.sensitive() ? null : post.firstImage();
        String description;
        if (!post.spoilerText().isBlank()) {
            description = "Content warning: " + post.spoilerText();
        } else {
            String text = PageFormats.excerpt(post.content());
            description = !text.isEmpty() || post.media().isEmpty() ? text
                    : "Attached: " + post.media().size() + (post.media().size() == 1 ? " file" : " files");
        }
        return new PageMeta(post.author().name() + " (" + post.author().handle() + ")", description,
                image != null ? image.url() : post.author().avatar(), "article",
                uris.statusPage(author.username(), Long.parseLong(post.id())),
                uris.status(author.username(), Long.parseLong(post.id())), image != null, post.author().noindex());
    }

    private static List<PostView> inOrder(List<Long> ids, Map<String, PostView> rendered) {
        return ids.stream().map(id -> rendered.get(Long.toString(id))).filter(post -> post != null).toList();
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new PageNotFound();
        }
    }
}
