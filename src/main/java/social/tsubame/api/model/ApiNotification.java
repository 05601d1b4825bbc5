package social.tsubame.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Mastodon's Notification entity: {@code status} is absent for kinds that are about no status (a follow), and
 * {@code emoji} is only there for a reaction, as Pleroma and Akkoma show it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiNotification(String id, String type, String createdAt, String groupKey, ApiAccount account,
                              @JsonInclude(JsonInclude.Include.NON_NULL) ApiStatus status,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String emoji) {
}
