package social.tsubame.api.lists;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.timeline.TimelineList;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Mastodon's List entity. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ApiList(String id, String title, String repliesPolicy, boolean exclusive) {

    static ApiList of(TimelineList list) {
        return new ApiList(Long.toString(list.id()), list.title(), list.repliesPolicy().apiValue(),
                list.exclusive());
    }
}
