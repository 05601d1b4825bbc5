package social.tsubame.filter;

import java.time.Instant;

/** What happens to an account's filters, for open streaming sockets to react to. */
public final class FilterEvents {

    private FilterEvents() {
    }

    /** A filter of the account was created, changed or deleted, or its keywords or statuses were edited. */
    public record FiltersChanged(long accountId) {
    }

    /** A filter was given an expiry: when it passes, the filter stops applying without any request saying so. */
    public record FilterExpirySet(long accountId, long filterId, Instant expiresAt) {
    }
}
