package social.tsubame.admin.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.api.model.ApiStatus;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Mastodon's Admin::Report: a report with everyone it names, its statuses and the rules it says were broken. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AdminReport(String id, boolean actionTaken, String actionTakenAt, String category, String comment,
                   boolean forwarded, String createdAt, String updatedAt, AdminAccount account,
                   AdminAccount targetAccount, AdminAccount assignedAccount,
                   AdminAccount actionTakenByAccount, List<ApiStatus> statuses, List<Rule> rules) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Rule(String id, String text, String hint) {
    }
}
