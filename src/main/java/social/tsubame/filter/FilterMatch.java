package social.tsubame.filter;

import java.util.List;

/** Why a filter applies to a status: the keywords found in it, or the filter's entries naming it. */
public record FilterMatch(CustomFilter filter, List<String> keywordMatches, List<String> statusMatches) {

    public boolean hides() {
        return filter.action() == FilterAction.HIDE;
    }
}
