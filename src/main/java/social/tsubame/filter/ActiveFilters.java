package social.tsubame.filter;

import java.time.Clock;
import java.time.Instant;

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
        Instant now = clock.instant();
        return new ApplicableFilters(filters.ownedBy(viewerId).stream()
                .filter(filter -> filter.contexts().contains(context) && filter.activeAt(now)).toList());
    }
}
