package social.tsubame.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Mastodon's Notification entity. A reaction is typed {@code pleroma:emoji_reaction} with its {@code emoji}, as
 * Akkoma sends it and the apps that show reactions read it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiNotification(String id, String type, String createdAt, String groupKey, ApiAccount account,
                              @JsonInclude(JsonInclude.Include.NON_NULL) ApiStatus status,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String emoji,
                              @JsonInclude(JsonInclude.Include.NON_NULL) ApiReport report,
                              @JsonInclude(JsonInclude.Include.NON_NULL) ApiAccountWarning moderationWarning) {
}
