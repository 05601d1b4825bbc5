package social.tsubame.api.search;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An account handle typed into search: {@code alice}, {@code @alice}, {@code alice@example.social} or
 * {@code @alice@example.social}.
 *
 * @param domain the domain in lower case, or {@code null} when none was typed
 */
record Handle(String username, String domain) {

    private static final Pattern HANDLE = Pattern.compile(
            "@?([\\p{L}\\p{N}_]+(?:[.-][\\p{L}\\p{N}_]+)*)(?:@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*(?::\\d+)?))?");

    /** The handle that {@code query} is, whole; empty for anything else (a name with spaces, a URL…). */
    static Optional<Handle> parse(String query) {
        Matcher matcher = HANDLE.matcher(query.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String domain = matcher.group(2);
        return Optional.of(new Handle(matcher.group(1), domain == null ? null : domain.toLowerCase(Locale.ROOT)));
    }

    boolean hasDomain() {
        return domain != null;
    }
}
