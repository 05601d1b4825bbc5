package social.tsubame.api.filters;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.ApiFilter;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.filter.CustomFilter;
import social.tsubame.filter.CustomFilters;
import social.tsubame.filter.DeleteFilter;
import social.tsubame.filter.FilterAction;
import social.tsubame.filter.FilterContext;
import social.tsubame.filter.SaveFilter;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** Filters (v2) of the caller; a filter that is not the caller's is answered 404. */
@RestController
@Profile(Roles.WEB)
class FiltersController {

    record KeywordAttributes(Long id, String keyword, Boolean wholeWord, @JsonProperty("_destroy") String destroy) {
        SaveFilter.KeywordChange change() {
            return new SaveFilter.KeywordChange(id, keyword, wholeWord, Truth.of(destroy));
        }
    }

    record FilterParams(String title, List<String> context, String filterAction, Long expiresIn,
                        List<KeywordAttributes> keywordsAttributes) {
        SaveFilter.Command command() {
            Set<FilterContext> contexts = null;
            if (context != null) {
                contexts = EnumSet.noneOf(FilterContext.class);
                context.stream().map(FilterContext::of).forEach(contexts::add);
            }
            return new SaveFilter.Command(title, contexts, filterAction == null ? null : FilterAction.of(filterAction),
                    expiresIn, keywordsAttributes == null ? null
                    : keywordsAttributes.stream().map(KeywordAttributes::change).toList());
        }
    }

    private final CustomFilters filters;
    private final SaveFilter saveFilter;
    private final DeleteFilter deleteFilter;

    FiltersController(CustomFilters filters, SaveFilter saveFilter, DeleteFilter deleteFilter) {
        this.filters = filters;
        this.saveFilter = saveFilter;
        this.deleteFilter = deleteFilter;
    }

    @GetMapping("/api/v2/filters")
    @RequiresScope("read:filters")
    List<ApiFilter> filters(Caller caller) {
        return filters.ownedBy(caller.accountId()).stream().map(ApiFilter::of).toList();
    }

    @GetMapping("/api/v2/filters/{id}")
    @RequiresScope("read:filters")
    ApiFilter filter(@PathVariable("id") long id, Caller caller) {
        return ApiFilter.of(owned(id, caller));
    }

    @PostMapping("/api/v2/filters")
    @RequiresScope("write:filters")
    ApiFilter create(@ApiParams FilterParams params, Caller caller) {
        return ApiFilter.of(saveFilter.create(caller.accountId(), params.command()));
    }

    @PutMapping("/api/v2/filters/{id}")
    @RequiresScope("write:filters")
    ApiFilter update(@PathVariable("id") long id, @ApiParams FilterParams params, Caller caller) {
        return ApiFilter.of(saveFilter.update(caller.accountId(), id, params.command()));
    }

    @DeleteMapping("/api/v2/filters/{id}")
    @RequiresScope("write:filters")
    Map<String, Object> delete(@PathVariable("id") long id, Caller caller) {
        deleteFilter.delete(caller.accountId(), id);
        return Map.of();
    }

    private CustomFilter owned(long id, Caller caller) {
        return filters.findOwned(id, caller.accountId()).orElseThrow(ApiException::notFound);
    }
}
