package social.tsubame.filter;

import java.util.Comparator;
import java.util.List;

import social.tsubame.filter.CustomFilter.FilterKeyword;

/**
 * A filter as the v1 API shows it, which knew one phrase per filter: one keyword of a filter, with its filter's
 * contexts, action and expiry, as Mastodon maps its old filters onto the new ones.
 */
public record LegacyFilter(CustomFilter filter, FilterKeyword keyword) {

    /** Every keyword of these filters as a v1 filter, oldest first; filters of statuses only have none. */
    public static List<LegacyFilter> of(List<CustomFilter> filters) {
        return filters.stream().flatMap(filter -> filter.keywords().stream()
                        .map(keyword -> new LegacyFilter(filter, keyword)))
                .sorted(Comparator.comparingLong(legacy -> legacy.keyword().id())).toList();
    }
}
