package social.tsubame.api.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.filter.FilterAction;
import social.tsubame.filter.FilterContext;
import social.tsubame.filter.LegacyFilter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Mastodon's V1::Filter entity: one keyword of a filter, its id the keyword's; {@code irreversible} for a filter
 * that hides.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiLegacyFilter(String id, String phrase, List<String> context, boolean wholeWord, String expiresAt,
                              boolean irreversible) {

    public static ApiLegacyFilter of(LegacyFilter legacy) {
        return new ApiLegacyFilter(Long.toString(legacy.keyword().id()), legacy.keyword().keyword(),
                legacy.filter().contexts().stream().map(FilterContext::apiName).toList(),
                legacy.keyword().wholeWord(), ApiDates.format(legacy.filter().expiresAt()),
                legacy.filter().action() == FilterAction.HIDE);
    }
}
