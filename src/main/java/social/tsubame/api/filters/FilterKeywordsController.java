package social.tsubame.api.filters;

import java.util.List;
import java.util.Map;

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
import social.tsubame.filter.CustomFilters;
import social.tsubame.filter.EditFilterKeywords;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** The keywords of the caller's filters, one at a time. */
@RestController
@Profile(Roles.WEB)
class FilterKeywordsController {

    record KeywordParams(String keyword, Boolean wholeWord) {
    }

    private final CustomFilters filters;
    private final EditFilterKeywords editKeywords;

    FilterKeywordsController(CustomFilters filters, EditFilterKeywords editKeywords) {
        this.filters = filters;
        this.editKeywords = editKeywords;
    }

    @GetMapping("/api/v2/filters/{id}/keywords")
    @RequiresScope("read:filters")
    List<ApiFilter.Keyword> keywords(@PathVariable("id") long filterId, Caller caller) {
        return filters.findOwned(filterId, caller.accountId()).orElseThrow(ApiException::notFound).keywords()
                .stream().map(ApiFilter.Keyword::of).toList();
    }

    @PostMapping("/api/v2/filters/{id}/keywords")
    @RequiresScope("write:filters")
    ApiFilter.Keyword add(@PathVariable("id") long filterId, @ApiParams KeywordParams params, Caller caller) {
        return ApiFilter.Keyword.of(editKeywords.add(caller.accountId(), filterId, params.keyword(),
                params.wholeWord()));
    }

    @GetMapping("/api/v2/filters/keywords/{id}")
    @RequiresScope("read:filters")
    ApiFilter.Keyword keyword(@PathVariable("id") long id, Caller caller) {
        return ApiFilter.Keyword.of(filters.findKeywordOwned(id, caller.accountId())
                .orElseThrow(ApiException::notFound));
    }

    @PutMapping("/api/v2/filters/keywords/{id}")
    @RequiresScope("write:filters")
    ApiFilter.Keyword update(@PathVariable("id") long id, @ApiParams KeywordParams params, Caller caller) {
        return ApiFilter.Keyword.of(editKeywords.update(caller.accountId(), id, params.keyword(),
                params.wholeWord()));
    }

    @DeleteMapping("/api/v2/filters/keywords/{id}")
    @RequiresScope("write:filters")
    Map<String, Object> remove(@PathVariable("id") long id, Caller caller) {
        editKeywords.remove(caller.accountId(), id);
        return Map.of();
    }
}
