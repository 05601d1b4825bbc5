package social.tsubame.api.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Mastodon's AccountWarning entity, as a {@code moderation_warning} notification carries it. Warnings name no
 * statuses here and cannot be appealed yet, so {@code status_ids} is empty and {@code appeal} null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiAccountWarning(String id, String action, String text, List<String> statusIds,
                                ApiAccount targetAccount, Object appeal, String createdAt) {
}
