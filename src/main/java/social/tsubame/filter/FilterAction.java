package social.tsubame.filter;

import java.util.Locale;

import social.tsubame.core.ApiException;

/** What a matching filter does: a warning the app shows over the status, or leaving the status out. */
public enum FilterAction {
    WARN, HIDE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FilterAction of(String apiName) {
        for (FilterAction action : values()) {
            if (action.apiName().equals(apiName)) {
                return action;
            }
        }
        throw ApiException.unprocessable("Validation failed: Filter action is not included in the list");
    }
}
