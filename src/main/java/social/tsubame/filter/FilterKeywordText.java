package social.tsubame.filter;

import social.tsubame.core.ApiException;

/** A keyword as Mastodon accepts it: not blank. */
final class FilterKeywordText {

    private FilterKeywordText() {
    }

    static String require(String keyword) {
        if (keyword == null || keyword.isBlank()) {
            throw ApiException.unprocessable("Validation failed: Keyword can't be blank");
        }
        return keyword;
    }
}
