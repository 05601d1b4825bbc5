package social.tsubame.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A moderator's note on a report; {@code account} is null for a note written from the command line. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AdminReportNote(String id, String reportId, AdminAccount account, String content, String createdAt) {
}
