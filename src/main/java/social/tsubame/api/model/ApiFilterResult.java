package social.tsubame.api.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.filter.FilterMatch;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Mastodon's FilterResult entity: a filter of the viewer's that matched a status, and what matched. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiFilterResult(ApiFilter filter, List<String> keywordMatches, List<String> statusMatches) {

    public static ApiFilterResult of(FilterMatch match) {
        return new ApiFilterResult(ApiFilter.of(match.filter()), match.keywordMatches(), match.statusMatches());
    }
}
