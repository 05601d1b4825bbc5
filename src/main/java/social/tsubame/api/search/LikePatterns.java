package social.tsubame.api.search;

import java.util.Locale;

/** SQL LIKE patterns from what people type, whose {@code %} and {@code _} are meant literally. */
final class LikePatterns {

    private LikePatterns() {
    }

    /** Matches strings starting with {@code text}, compared in lower case. */
    static String startingWith(String text) {
        return escape(text.toLowerCase(Locale.ROOT)) + "%";
    }

    /** Matches strings with a word (after a space) starting with {@code text}, compared in lower case. */
    static String withWordStartingWith(String text) {
        return "% " + startingWith(text);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
