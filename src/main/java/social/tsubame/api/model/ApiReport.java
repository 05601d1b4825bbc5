package social.tsubame.api.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Mastodon's Report entity: what the reporter gets back, and what an {@code admin.report} notification carries. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiReport(String id, boolean actionTaken, String actionTakenAt, String category, String comment,
                        boolean forwarded, String createdAt, List<String> statusIds, List<String> ruleIds,
                        ApiAccount targetAccount) {
}
