package social.tsubame.api.filters;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.ApiFilter;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.filter.CustomFilters;
import social.tsubame.filter.EditFilterStatuses;
import social.tsubame.status.StatusVisibility;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** Single statuses in the caller's filters; only a status the caller may see can be added. */
@RestController
@Profile(Roles.WEB)
class FilterStatusesController {

    record StatusParams(Long statusId) {
    }

    private final CustomFilters filters;
    private final EditFilterStatuses editStatuses;
    private final StatusVisibility visibility;

    FilterStatusesController(CustomFilters filters, EditFilterStatuses editStatuses, StatusVisibility visibility) {
        this.filters = filters;
        this.editStatuses = editStatuses;
        this.visibility = visibility;
    }

    @GetMapping("/api/v2/filters/{id}/statuses")
    @RequiresScope("read:filters")
    List<ApiFilter.Status> statuses(@PathVariable("id") long filterId, Caller caller) {
        return filters.findOwned(filterId, caller.accountId()).orElseThrow(ApiException::notFound).statuses()
                .stream().map(ApiFilter.Status::of).toList();
    }

    @PostMapping("/api/v2/filters/{id}/statuses")
    @RequiresScope("write:filters")
    ApiFilter.Status add(@PathVariable("id") long filterId, @ApiParams StatusParams params, Caller caller) {
        if (params.statusId() == null || !visibility.canSee(Optional.of(caller.accountId()), params.statusId())) {
            throw ApiException.notFound();
        }
        return ApiFilter.Status.of(editStatuses.add(caller.accountId(), filterId, params.statusId()));
    }

    @GetMapping("/api/v2/filters/statuses/{id}")
    @RequiresScope("read:filters")
    ApiFilter.Status status(@PathVariable("id") long id, Caller caller) {
        return ApiFilter.Status.of(filters.findStatusOwned(id, caller.accountId())
                .orElseThrow(ApiException::notFound));
    }

    @DeleteMapping("/api/v2/filters/statuses/{id}")
    @RequiresScope("write:filters")
    Map<String, Object> remove(@PathVariable("id") long id, Caller caller) {
        editStatuses.remove(caller.accountId(), id);
        return Map.of();
    }
}
