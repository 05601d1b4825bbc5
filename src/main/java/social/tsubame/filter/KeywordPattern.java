package social.tsubame.filter;

import java.util.regex.Pattern;

/**
 * Mastodon's rule for a keyword: case-insensitive anywhere in the text, or with {@code whole_word} bounded by a
 * word boundary on each side that starts or ends with a word character, so "#tag" or "c++" still match.
 */
final class KeywordPattern {

    private static final Pattern WORD_START = Pattern.compile("^\\w", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WORD_END = Pattern.compile("\\w$", Pattern.UNICODE_CHARACTER_CLASS);

    private KeywordPattern() {
    }

    static Pattern of(String keyword, boolean wholeWord) {
        String quoted = Pattern.quote(keyword);
        if (wholeWord) {
            quoted = (WORD_START.matcher(keyword).find() ? "\\b" : "") + quoted
                    + (WORD_END.matcher(keyword).find() ? "\\b" : "");
        }
        return Pattern.compile(quoted,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }
}
