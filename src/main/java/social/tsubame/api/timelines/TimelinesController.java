package social.tsubame.api.timelines;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.ApiStatus;
import social.tsubame.api.model.StatusesToApiStatuses;
import social.tsubame.boot.Roles;
import social.tsubame.filter.FilterContext;
import social.tsubame.status.StatusVisibility;
import social.tsubame.timeline.HomeFeeds;
import social.tsubame.timeline.RebuildHomeFeed;
import social.tsubame.timeline.StatusPages;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.PageParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

@RestController
@Profile(Roles.WEB)
class TimelinesController {

    private static final int MAX_LIMIT = 40;

    record PublicParams(Boolean local, Boolean remote, Boolean onlyMedia, String maxId, String sinceId, String minId,
                        Integer limit) {
    }

    private final HomeFeeds homeFeeds;
    private final RebuildHomeFeed rebuildHomeFeed;
    private final StatusPages statusPages;
    private final StatusVisibility visibility;
    private final StatusesToApiStatuses toApiStatuses;

    TimelinesController(HomeFeeds homeFeeds, RebuildHomeFeed rebuildHomeFeed, StatusPages statusPages,
                        StatusVisibility visibility, StatusesToApiStatuses toApiStatuses) {
        this.homeFeeds = homeFeeds;
        this.rebuildHomeFeed = rebuildHomeFeed;
        this.statusPages = statusPages;
        this.visibility = visibility;
        this.toApiStatuses = toApiStatuses;
    }

    @GetMapping("/api/v1/timelines/home")
    @RequiresScope("read:statuses")
    ResponseEntity<List<ApiStatus>> home(@ApiParams PageParams paging, Caller caller, HttpServletRequest request) {
        Page page = paging.page(MAX_LIMIT);
        rebuildHomeFeed.ensure(caller.accountId());
        List<Long> ids = page.ascending()
                ? homeFeeds.readAbove(caller.accountId(), page.minId(), page.limit())
                : homeFeeds.read(caller.accountId(), page.maxId(), page.sinceId(), page.limit());
        Optional<Long> viewer = Optional.of(caller.accountId());
        Set<Long> visible = visibility.visible(viewer, ids);
        return respond(ids.stream().filter(visible::contains).toList(), viewer, FilterContext.HOME, request);
    }

    @GetMapping("/api/v1/timelines/public")
    @RequiresScope("read:statuses")
    ResponseEntity<List<ApiStatus>> publicTimeline(@ApiParams PublicParams params, Optional<Caller> caller,
                                                   HttpServletRequest request) {
        Optional<Long> viewer = caller.map(Caller::accountId);
        Page page = Page.of(params.maxId(), params.sinceId(), params.minId(), params.limit(), MAX_LIMIT);
        List<Long> ids = statusPages.publicTimeline(new StatusPages.PublicScope(Boolean.TRUE.equals(params.local()),
                Boolean.TRUE.equals(params.remote()), Boolean.TRUE.equals(params.onlyMedia())), viewer, page);
        return respond(ids, viewer, FilterContext.PUBLIC, request);
    }

    record TagParams(Boolean local, String maxId, String sinceId, String minId, Integer limit) {
    }

    @GetMapping("/api/v1/timelines/tag/{hashtag}")
    @RequiresScope("read:statuses")
    ResponseEntity<List<ApiStatus>> tag(@PathVariable("hashtag") String hashtag, @ApiParams TagParams params,
                                        Optional<Caller> caller, HttpServletRequest request) {
        Optional<Long> viewer = caller.map(Caller::accountId);
        Page page = Page.of(params.maxId(), params.sinceId(), params.minId(), params.limit(), MAX_LIMIT);
        List<Long> ids = statusPages.tagTimeline(hashtag.replaceFirst("^#", ""), Boolean.TRUE.equals(params.local()),
                viewer, page);
        return respond(ids, viewer, FilterContext.PUBLIC, request);
    }

    private ResponseEntity<List<ApiStatus>> respond(List<Long> ids, Optional<Long> viewer, FilterContext context,
                                                    HttpServletRequest request) {
        return Page.respond(toApiStatuses.many(ids, viewer, context), status -> Long.parseLong(status.id()), request);
    }
}
