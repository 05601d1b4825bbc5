package social.tsubame.api.statuses;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.ApiStatus;
import social.tsubame.api.model.StatusesToApiStatuses;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.filter.FilterContext;
import social.tsubame.status.DeleteStatus;
import social.tsubame.status.FavouriteStatus;
import social.tsubame.status.PostStatus;
import social.tsubame.status.ReblogStatus;
import social.tsubame.status.StatusThreads;
import social.tsubame.status.StatusVisibility;
import social.tsubame.status.Visibility;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

@RestController
@Profile(Roles.WEB)
class StatusesController {

    record NewStatus(String status, String inReplyToId, Boolean sensitive, String spoilerText, String visibility,
                     String language, List<Long> mediaIds) {
    }

    record Context(List<ApiStatus> ancestors, List<ApiStatus> descendants) {
    }

    private final PostStatus postStatus;
    private final DeleteStatus deleteStatus;
    private final FavouriteStatus favouriteStatus;
    private final ReblogStatus reblogStatus;
    private final StatusVisibility visibility;
    private final VisibleStatusIds statusIds;
    private final StatusesToApiStatuses toApiStatuses;
    private final IdempotentPosts idempotentPosts;
    private final JdbcTemplate jdbc;
    private final StatusThreads threads;

    StatusesController(PostStatus postStatus, DeleteStatus deleteStatus, FavouriteStatus favouriteStatus,
                       ReblogStatus reblogStatus, StatusVisibility visibility, VisibleStatusIds statusIds,
                       StatusesToApiStatuses toApiStatuses, IdempotentPosts idempotentPosts, JdbcTemplate jdbc,
                       StatusThreads threads) {
        this.postStatus = postStatus;
        this.deleteStatus = deleteStatus;
        this.favouriteStatus = favouriteStatus;
        this.reblogStatus = reblogStatus;
        this.visibility = visibility;
        this.statusIds = statusIds;
        this.toApiStatuses = toApiStatuses;
        this.idempotentPosts = idempotentPosts;
        this.jdbc = jdbc;
        this.threads = threads;
    }

    @PostMapping("/api/v1/statuses")
    @RequiresScope("write:statuses")
    ApiStatus post(@ApiParams NewStatus params, Caller caller,
                   @RequestHeader(name = "Idempotency-Key", required = false) Optional<String> idempotencyKey) {
        Long inReplyTo = params.inReplyToId() == null || params.inReplyToId().isBlank() ? null
                : statusIds.require(params.inReplyToId(), caller);
        Visibility chosen = params.visibility() == null || params.visibility().isBlank() ? Visibility.PUBLIC
                : parseVisibility(params.visibility());
        long id = idempotentPosts.post(caller.accountId(), idempotencyKey, () -> postStatus.post(
                new PostStatus.Command(caller.accountId(), params.status(), params.spoilerText(),
                        Boolean.TRUE.equals(params.sensitive()), chosen, params.language(), inReplyTo,
                        params.mediaIds())).id());
        return render(id, caller);
    }

    @GetMapping("/api/v1/statuses/{id}")
    @RequiresScope("read:statuses")
    ApiStatus status(@PathVariable("id") String id, Optional<Caller> caller) {
        long statusId = statusIds.require(id, caller);
        return toApiStatuses.one(statusId, caller.map(Caller::accountId)).orElseThrow(ApiException::notFound);
    }

    @DeleteMapping("/api/v1/statuses/{id}")
    @RequiresScope("write:statuses")
    ApiStatus delete(@PathVariable("id") String id, Caller caller) {
        long statusId = VisibleStatusIds.parse(id);
        ApiStatus before = toApiStatuses.one(statusId, Optional.of(caller.accountId()))
                .filter(status -> status.account().id().equals(Long.toString(caller.accountId())))
                .orElseThrow(ApiException::notFound);
        String source = jdbc.queryForObject("SELECT text FROM statuses WHERE id = ?", String.class, statusId);
        deleteStatus.delete(statusId, caller.accountId());
        return before.withSourceText(source);
    }

    @GetMapping("/api/v1/statuses/{id}/context")
    @RequiresScope("read:statuses")
    Context context(@PathVariable("id") String id, Optional<Caller> caller) {
        Optional<Long> viewer = caller.map(Caller::accountId);
        long statusId = statusIds.require(id, caller);
        List<Long> ancestors = threads.ancestorIds(statusId);
        List<Long> descendants = threads.descendantIds(statusId);
        return new Context(visibleInOrder(ancestors, viewer), visibleInOrder(descendants, viewer));
    }

    @PostMapping("/api/v1/statuses/{id}/favourite")
    @RequiresScope("write:favourites")
    ApiStatus favourite(@PathVariable("id") String id, Caller caller) {
        long statusId = statusIds.require(id, caller);
        favouriteStatus.favourite(caller.accountId(), statusId, null);
        return render(statusId, caller);
    }

    @PostMapping("/api/v1/statuses/{id}/unfavourite")
    @RequiresScope("write:favourites")
    ApiStatus unfavourite(@PathVariable("id") String id, Caller caller) {
        long statusId = statusIds.require(id, caller);
        favouriteStatus.unfavourite(caller.accountId(), statusId);
        return render(statusId, caller);
    }

    @PostMapping("/api/v1/statuses/{id}/reblog")
    @RequiresScope("write:statuses")
    ApiStatus reblog(@PathVariable("id") String id, Caller caller) {
        long statusId = statusIds.require(id, caller);
        long reblogId = reblogStatus.reblog(caller.accountId(), statusId);
        return render(reblogId, caller);
    }

    @PostMapping("/api/v1/statuses/{id}/unreblog")
    @RequiresScope("write:statuses")
    ApiStatus unreblog(@PathVariable("id") String id, Caller caller) {
        long statusId = statusIds.require(id, caller);
        reblogStatus.unreblog(caller.accountId(), statusId);
        return render(statusId, caller);
    }

    private List<ApiStatus> visibleInOrder(List<Long> ids, Optional<Long> viewer) {
        var visible = visibility.visible(viewer, ids);
        return toApiStatuses.many(ids.stream().filter(visible::contains).toList(), viewer, FilterContext.THREAD);
    }

    private ApiStatus render(long statusId, Caller caller) {
        return toApiStatuses.one(statusId, Optional.of(caller.accountId())).orElseThrow(ApiException::notFound);
    }


    private static Visibility parseVisibility(String value) {
        try {
            return Visibility.of(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("Validation failed: Visibility is not included in the list");
        }
    }
}
