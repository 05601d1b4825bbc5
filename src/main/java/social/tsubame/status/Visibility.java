package social.tsubame.status;

import java.util.Arrays;

/** Who may see a status. */
public enum Visibility {
    /** Everyone, and listed on public timelines. */
    PUBLIC,
    /** Everyone, but not listed on public timelines. */
    UNLISTED,
    /** Followers and mentioned accounts only ("followers only"). */
    PRIVATE,
    /** Mentioned accounts only. */
    DIRECT;

    public String apiValue() {
        return name().toLowerCase();
    }

    public static Visibility of(String value) {
        return Arrays.stream(values())
                .filter(visibility -> visibility.apiValue().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown visibility: " + value));
    }

    /** Whether followers get it in their home feeds. */
    public boolean reachesFollowers() {
        return this != DIRECT;
    }
}
