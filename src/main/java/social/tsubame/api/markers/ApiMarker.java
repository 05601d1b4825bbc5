package social.tsubame.api.markers;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.api.model.ApiDates;
import social.tsubame.timeline.Markers.Marker;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Mastodon's Marker entity. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ApiMarker(String lastReadId, int version, String updatedAt) {

    static ApiMarker of(Marker marker) {
        return new ApiMarker(Long.toString(marker.lastReadId()), marker.version(), ApiDates.format(marker.updatedAt()));
    }
}
