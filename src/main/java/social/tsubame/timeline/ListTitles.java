package social.tsubame.timeline;

import social.tsubame.core.ApiException;

/** What a list's title must be. */
final class ListTitles {

    private ListTitles() {
    }

    static String require(String title) {
        if (title == null || title.isBlank()) {
            throw ApiException.unprocessable("Validation failed: Title can't be blank");
        }
        return title.strip();
    }
}
