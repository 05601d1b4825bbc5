package social.tsubame.streaming;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import social.tsubame.api.model.ApiFilterResult;
import social.tsubame.boot.Roles;
import social.tsubame.filter.ActiveFilters;
import social.tsubame.filter.ApplicableFilters;
import social.tsubame.filter.FilterContext;
import social.tsubame.filter.FilterMatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a socket viewer's filters to a status streamed to everyone the same way, as the REST timelines apply
 * them: a {@code hide} filter of the stream's context leaves the status out, a {@code warn} filter sends it to this
 * viewer with the matches in {@code filtered} (on the boost and on what it boosts).
 */
@Component
@Profile(Roles.STREAMING)
class ViewerStatusFilters {

    private final ActiveFilters activeFilters;
    private final JsonMapper json;
    private final Clock clock;

    ViewerStatusFilters(ActiveFilters activeFilters, JsonMapper json, Clock clock) {
        this.activeFilters = activeFilters;
        this.json = json;
        this.clock = clock;
    }

    StatusFilterOutcome apply(StreamingConnection connection, long viewerId, FilterContext context,
                              StreamedStatus status) {
        ApplicableFilters filters = connection.filters().in(context, clock.instant(),
                () -> activeFilters.inEveryContext(viewerId));
        if (filters.isEmpty()) {
            return StatusFilterOutcome.UNCHANGED;
        }
        List<FilterMatch> matches = filters.matchText(status.shownId(), status.readableText());
        if (matches.isEmpty()) {
            return StatusFilterOutcome.UNCHANGED;
        }
        if (matches.stream().anyMatch(FilterMatch::hides)) {
            return StatusFilterOutcome.HIDDEN;
        }
        JsonNode results = json.valueToTree(matches.stream().map(ApiFilterResult::of).toList());
        ObjectNode personal = (ObjectNode) status.tree().deepCopy();
        personal.set("filtered", results);
        if (personal.path("reblog") instanceof ObjectNode boosted) {
            boosted.set("filtered", results.deepCopy());
        }
        return new StatusFilterOutcome(false, json.writeValueAsString(personal));
    }
}
