package social.tsubame.api.filters;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.ApiLegacyFilter;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.filter.CustomFilters;
import social.tsubame.filter.DeleteLegacyFilter;
import social.tsubame.filter.FilterContext;
import social.tsubame.filter.LegacyFilter;
import social.tsubame.filter.SaveLegacyFilter;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/**
 * Filters (v1) of the caller, which older apps still use: each keyword of the caller's filters is one v1 filter,
 * its id the keyword's. One that is not the caller's is answered 404.
 */
@RestController
@Profile(Roles.WEB)
class LegacyFiltersController {

    /** @param expiresIn seconds; empty, as forms send "never", for no expiry */
    record LegacyFilterParams(String phrase, List<String> context, Boolean irreversible, Boolean wholeWord,
                              String expiresIn) {
        SaveLegacyFilter.Command command() {
            Set<FilterContext> contexts = null;
            if (context != null) {
                contexts = EnumSet.noneOf(FilterContext.class);
                context.stream().map(FilterContext::of).forEach(contexts::add);
            }
            boolean never = expiresIn != null && expiresIn.isBlank();
            return new SaveLegacyFilter.Command(phrase, contexts, irreversible, wholeWord,
                    expiresIn == null || never ? null : seconds(expiresIn), never);
        }

        private static long seconds(String value) {
            try {
                long seconds = Long.parseLong(value.strip());
                if (seconds > 0) {
                    return seconds;
                }
            } catch (NumberFormatException e) {
                // answered below, as any other value that is not a positive number
            }
            throw ApiException.unprocessable("Validation failed: Expires in is invalid");
        }
    }

    private final CustomFilters filters;
    private final SaveLegacyFilter saveFilter;
    private final DeleteLegacyFilter deleteFilter;

    LegacyFiltersController(CustomFilters filters, SaveLegacyFilter saveFilter, DeleteLegacyFilter deleteFilter) {
        this.filters = filters;
        this.saveFilter = saveFilter;
        this.deleteFilter = deleteFilter;
    }

    @GetMapping("/api/v1/filters")
    @RequiresScope("read:filters")
    List<ApiLegacyFilter> filters(Caller caller) {
        return LegacyFilter.of(filters.ownedBy(caller.accountId())).stream().map(ApiLegacyFilter::of).toList();
    }

    @GetMapping("/api/v1/filters/{id}")
    @RequiresScope("read:filters")
    ApiLegacyFilter filter(@PathVariable("id") long id, Caller caller) {
        return filters.findKeywordOwned(id, caller.accountId())
                .flatMap(keyword -> filters.findOwned(keyword.filterId(), caller.accountId())
                        .map(filter -> new LegacyFilter(filter, keyword)))
                .map(ApiLegacyFilter::of).orElseThrow(ApiException::notFound);
    }

    @PostMapping("/api/v1/filters")
    @RequiresScope("write:filters")
    ApiLegacyFilter create(@ApiParams LegacyFilterParams params, Caller caller) {
        return ApiLegacyFilter.of(saveFilter.create(caller.accountId(), params.command()));
    }

    @PutMapping("/api/v1/filters/{id}")
    @RequiresScope("write:filters")
    ApiLegacyFilter update(@PathVariable("id") long id, @ApiParams LegacyFilterParams params, Caller caller) {
        return ApiLegacyFilter.of(saveFilter.update(caller.accountId(), id, params.command()));
    }

    @DeleteMapping("/api/v1/filters/{id}")
    @RequiresScope("write:filters")
    Map<String, Object> delete(@PathVariable("id") long id, Caller caller) {
        deleteFilter.delete(caller.accountId(), id);
        return Map.of();
    }
}
