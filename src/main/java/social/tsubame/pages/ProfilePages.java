package social.tsubame.pages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import social.tsubame.account.Account;
import social.tsubame.api.model.AccountsToApiAccounts;
import social.tsubame.api.model.ApiAccount;
import social.tsubame.boot.Roles;
import social.tsubame.core.Uris;
import social.tsubame.timeline.StatusPages;
import social.tsubame.web.Page;

/**
 * A local account's profile for visitors: the profile, pinned posts, and its public and unlisted posts (boosts as
 * boosts), newest first, in tabs as Mastodon has them; older pages by {@code max_id}. A remote account's address
 * sends the visitor to its own server ({@link RemotePages}).
 */
@Controller
@Profile(Roles.WEB)
class ProfilePages {

    private static final int PAGE_SIZE = 20;
    private static final int MAX_PINNED = 5;

    /** The tabs of a profile, each a path under the profile and the posts it lists. */
    enum Tab {
        POSTS("", new StatusPages.AccountScope(true, false, false, false, null)),
        WITH_REPLIES("/with_replies", new StatusPages.AccountScope(false, false, false, false, null)),
        MEDIA("/media", new StatusPages.AccountScope(false, true, true, false, null));

        final String path;
        final StatusPages.AccountScope scope;

        Tab(String path, StatusPages.AccountScope scope) {
            this.path = path;
            this.scope = scope;
        }
    }

    private static final StatusPages.AccountScope PINNED = new StatusPages.AccountScope(false, false, false, true,
            null);

    private final PageAccounts pageAccounts;
    private final AccountsToApiAccounts toApiAccounts;
    private final StatusPages statusPages;
    private final PublicPosts posts;
    private final Uris uris;

    ProfilePages(PageAccounts pageAccounts, AccountsToApiAccounts toApiAccounts, StatusPages statusPages,
                 PublicPosts posts, Uris uris) {
        this.pageAccounts = pageAccounts;
        this.toApiAccounts = toApiAccounts;
        this.statusPages = statusPages;
        this.posts = posts;
        this.uris = uris;
    }

    @PageGet("/@{handle}")
    Object posts(@PathVariable String handle, @RequestParam(name = "max_id", required = false) String maxId,
                 Model model) {
        return profile(handle, Tab.POSTS, maxId, model);
    }

    @PageGet("/@{handle}/with_replies")
    Object withReplies(@PathVariable String handle, @RequestParam(name = "max_id", required = false) String maxId,
                       Model model) {
        return profile(handle, Tab.WITH_REPLIES, maxId, model);
    }

    @PageGet("/@{handle}/media")
    Object media(@PathVariable String handle, @RequestParam(name = "max_id", required = false) String maxId,
                 Model model) {
        return profile(handle, Tab.MEDIA, maxId, model);
    }

    private Object profile(String handle, Tab tab, String maxId, Model model) {
        PageAccounts.Found found = pageAccounts.find(handle);
        if (found instanceof PageAccounts.Remote remote) {
            return RemotePages.redirect(remote.pageUrl());
        }
        Account account = ((PageAccounts.Local) found).account();
        ApiAccount profile = toApiAccounts.one(account.id()).orElseThrow(PageNotFound::new);
        Page page = Page.of(maxId, null, null, PAGE_SIZE, PAGE_SIZE);
        List<Long> ids = statusPages.accountTimeline(account.id(), tab.scope, Optional.empty(), page);
        boolean firstPage = page.maxId() == null;
        List<Long> pinnedIds = tab == Tab.POSTS && firstPage
                ? statusPages.accountTimeline(account.id(), PINNED, Optional.empty(), Page.of(null, null, null,
                MAX_PINNED, MAX_PINNED))
                : List.of();
        String profileUrl = uris.profile(account.username());
        PostView.Author author = PostView.Author.of(profile, uris.localDomain());
        model.addAttribute("account", profile);
        model.addAttribute("author", author);
        model.addAttribute("joined", PageFormats.date(Instant.parse(profile.createdAt())));
        model.addAttribute("pinned", posts.render(pinnedIds));
        model.addAttribute("posts", posts.render(ids));
        model.addAttribute("tab", tab.name());
        model.addAttribute("profileUrl", profileUrl);
        model.addAttribute("newestUrl", firstPage ? null : profileUrl + tab.path);
        model.addAttribute("olderUrl", ids.size() < PAGE_SIZE ? null
                : profileUrl + tab.path + "?max_id=" + ids.getLast());
        model.addAttribute("movedTo", Optional.ofNullable(account.movedToAccountId()).flatMap(toApiAccounts::one)
                .map(moved -> PostView.Author.of(moved, uris.localDomain())).orElse(null));
        model.addAttribute("meta", new PageMeta(author.name() + " (" + author.handle() + ")",
                PageFormats.excerpt(profile.note()), profile.avatar(), "profile", profileUrl + tab.path,
                uris.actor(account.username()), false, profile.noindex()));
        return "pages/profile";
    }
}
