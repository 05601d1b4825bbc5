package social.tsubame.streaming;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import social.tsubame.filter.ApplicableFilters;
import social.tsubame.filter.FilterContext;

/**
 * The filters a streaming connection's viewer has, in each context, loaded when a status first needs them and kept until the
 * viewer's filters change ({@code filters_changed} on the system channel) or one of them expires: a busy stream
 * then costs no query per status. Touched by the dispatch thread only.
 */
final class ConnectionFilters {

    private Map<FilterContext, ApplicableFilters> byContext;

    ApplicableFilters in(FilterContext context, Instant now, Supplier<Map<FilterContext, ApplicableFilters>> load) {
        if (byContext == null || byContext.values().stream().anyMatch(filters -> filters.staleAt(now))) {
            byContext = load.get();
        }
        return byContext.get(context);
    }

    void forget() {
        byContext = null;
    }
}
