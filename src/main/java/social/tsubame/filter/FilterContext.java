package social.tsubame.filter;

import java.util.Locale;

import social.tsubame.core.ApiException;

/** Where a status is shown, which decides the filters that apply to it. */
public enum FilterContext {
    HOME, NOTIFICATIONS, PUBLIC, THREAD, ACCOUNT;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FilterContext of(String apiName) {
        for (FilterContext context : values()) {
            if (context.apiName().equals(apiName)) {
                return context;
            }
        }
        throw ApiException.unprocessable("Validation failed: Context contains invalid values");
    }
}
