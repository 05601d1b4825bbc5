package social.tsubame.api.markers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.timeline.Markers;
import social.tsubame.timeline.Markers.Marker;
import social.tsubame.timeline.SaveMarkers;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** Reading positions in the home timeline and the notifications, keyed by timeline as Mastodon answers them. */
@RestController
@Profile(Roles.WEB)
class MarkersController {

    record Query(List<String> timeline) {
    }

    record Position(String lastReadId) {
    }

    record Positions(Position home, Position notifications) {
        Map<String, Long> lastReadIds() {
            Map<String, Long> ids = new LinkedHashMap<>();
            put(ids, "home", home);
            put(ids, "notifications", notifications);
            return ids;
        }

        private static void put(Map<String, Long> ids, String timeline, Position position) {
            if (position == null || position.lastReadId() == null || position.lastReadId().isBlank()) {
                return;
            }
            try {
                ids.put(timeline, Long.parseLong(position.lastReadId().strip()));
            } catch (NumberFormatException e) {
                throw ApiException.unprocessable("Validation failed: Last read id is invalid");
            }
        }
    }

    private final Markers markers;
    private final SaveMarkers saveMarkers;

    MarkersController(Markers markers, SaveMarkers saveMarkers) {
        this.markers = markers;
        this.saveMarkers = saveMarkers;
    }

    @GetMapping("/api/v1/markers")
    @RequiresScope("read:statuses")
    Map<String, ApiMarker> markers(@ApiParams Query query, Caller caller) {
        return byTimeline(markers.find(caller.accountId(), query.timeline() == null ? List.of() : query.timeline()));
    }

    @PostMapping("/api/v1/markers")
    @RequiresScope("write:statuses")
    Map<String, ApiMarker> save(@ApiParams Positions positions, Caller caller) {
        return byTimeline(saveMarkers.save(caller.accountId(), positions.lastReadIds()));
    }

    private static Map<String, ApiMarker> byTimeline(List<Marker> found) {
        Map<String, ApiMarker> answer = new LinkedHashMap<>();
        found.forEach(marker -> answer.put(marker.timeline(), ApiMarker.of(marker)));
        return answer;
    }
}
