package social.tsubame.timeline;

import java.util.Arrays;

import social.tsubame.core.ApiException;

/** Which replies of its members a list shows, besides replies to themselves and to the list's owner. */
public enum RepliesPolicy {
    /** Replies to accounts the list's owner follows. */
    FOLLOWED,
    /** Replies to other members of the list. */
    LIST,
    /** No other replies. */
    NONE;

    public String apiValue() {
        return name().toLowerCase();
    }

    public static RepliesPolicy of(String value) {
        return Arrays.stream(values())
                .filter(policy -> policy.apiValue().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> ApiException.unprocessable("Validation failed: Replies policy is not included"
                        + " in the list"));
    }
}
