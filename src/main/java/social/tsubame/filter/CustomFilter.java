package social.tsubame.filter;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One account's filter with its keywords and statuses. */
public record CustomFilter(long id, long accountId, String title, Set<FilterContext> contexts, FilterAction action,
                           Instant expiresAt, List<FilterKeyword> keywords, List<FilteredStatus> statuses) {

    public record FilterKeyword(long id, long filterId, String keyword, boolean wholeWord) {
    }

    public record FilteredStatus(long id, long filterId, long statusId) {
    }

    public boolean activeAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
