package social.tsubame.api.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.filter.CustomFilter;
import social.tsubame.filter.FilterContext;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Mastodon's Filter entity (v2), with its FilterKeyword and FilterStatus entities. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiFilter(String id, String title, List<String> context, String expiresAt, String filterAction,
                        List<Keyword> keywords, List<Status> statuses) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Keyword(String id, String keyword, boolean wholeWord) {

        public static Keyword of(CustomFilter.FilterKeyword keyword) {
            return new Keyword(Long.toString(keyword.id()), keyword.keyword(), keyword.wholeWord());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Status(String id, String statusId) {

        public static Status of(CustomFilter.FilteredStatus status) {
            return new Status(Long.toString(status.id()), Long.toString(status.statusId()));
        }
    }

    public static ApiFilter of(CustomFilter filter) {
        return new ApiFilter(Long.toString(filter.id()), filter.title(),
                filter.contexts().stream().map(FilterContext::apiName).toList(), ApiDates.format(filter.expiresAt()),
                filter.action().apiName(), filter.keywords().stream().map(Keyword::of).toList(),
                filter.statuses().stream().map(Status::of).toList());
    }
}
