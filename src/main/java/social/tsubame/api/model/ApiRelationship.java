package social.tsubame.api.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Mastodon's Relationship entity: how the viewer and one account stand. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiRelationship(String id, boolean following, boolean showingReblogs, boolean notifying,
                              List<String> languages, boolean followedBy, boolean blocking, boolean blockedBy,
                              boolean muting, boolean mutingNotifications, boolean requested, boolean requestedBy,
                              boolean domainBlocking, boolean endorsed, String note) {
}
