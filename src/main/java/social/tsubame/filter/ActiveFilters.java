package social.tsubame.filter;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The filters that apply where a viewer is reading: of that context and not expired. */
@Component
public class ActiveFilters {

    private final CustomFilters filters;
    private final Clock clock;

    public ActiveFilters(CustomFilters filters, Clock clock) {
        this.filters = filters;
        this.clock = clock;
    }

    public ApplicableFilters of(long viewerId, FilterContext context) {
        return in(filters.ownedBy(viewerId), context, clock.instant());
    }

    /** The viewer's filters in every context from one load, for a reader that keeps them (a streaming socket). */
    public Map<FilterContext, ApplicableFilters> inEveryContext(long viewerId) {
        List<CustomFilter> owned = filters.ownedBy(viewerId);
        Instant now = clock.instant();
        Map<FilterContext, ApplicableFilters> byContext = new EnumMap<>(FilterContext.class);
        for (FilterContext context : FilterContext.values()) {
            byContext.put(context, in(owned, context, now));
        }
        return byContext;
    }

    private static ApplicableFilters in(List<CustomFilter> owned, FilterContext context, Instant now) {
        return new ApplicableFilters(owned.stream()
                .filter(filter -> filter.contexts().contains(context) && filter.activeAt(now)).toList());
    }
}
