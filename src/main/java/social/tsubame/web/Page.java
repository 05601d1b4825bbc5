package social.tsubame.web;

import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import social.tsubame.core.ApiException;

/**
 * Mastodon's paging parameters: {@code max_id} (older than), {@code since_id} (newer than, newest first),
 * {@code min_id} (newer than, just above it) and {@code limit}; and the {@code Link} header pointing to the pages
 * on either side.
 */
public record Page(Long maxId, Long sinceId, Long minId, int limit) {

    public static final int DEFAULT_LIMIT = 20;

    public static Page of(String maxId, String sinceId, String minId, Integer limit, int maxLimit) {
        int size = limit == null ? Math.min(DEFAULT_LIMIT, maxLimit) : Math.clamp(limit, 1, maxLimit);
        return new Page(id(maxId), id(sinceId), id(minId), size);
    }

    private static Long id(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid id: " + value);
        }
    }

    /** The lowest id a page may hold, exclusive: {@code since_id} or {@code min_id}. */
    public Long lowerBound() {
        return minId != null ? minId : sinceId;
    }

    /** With {@code min_id} the page is the one just above it, so it is selected oldest first. */
    public boolean ascending() {
        return minId != null;
    }

    /**
     * The end of a query that selects this page: {@code column} within the bounds, in the page's order, at most
     * {@code limit} rows; binds {@code max_id}, {@code min_id} and {@code limit} into {@code params}.
     */
    public String sqlClause(String column, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (maxId != null) {
            sql.append(" AND ").append(column).append(" < :max_id");
            params.put("max_id", maxId);
        }
        if (lowerBound() != null) {
            sql.append(" AND ").append(column).append(" > :min_id");
            params.put("min_id", lowerBound());
        }
        params.put("limit", limit);
        return sql.append(" ORDER BY ").append(column).append(ascending() ? " ASC" : " DESC").append(" LIMIT :limit")
                .toString();
    }

    /** Rows selected with {@link #sqlClause}, newest first whichever order the page was selected in. */
    public <T> List<T> newestFirst(List<T> rows) {
        return ascending() ? rows.reversed() : rows;
    }

    /**
     * Answers a page of items newest first, with {@code Link: <...max_id=last>; rel="next", <...min_id=first>;
     * rel="prev"}; {@code pageId} is the id paging goes by (a notification's own id, not its status's).
     */
    public static <T> ResponseEntity<List<T>> respond(List<T> items, ToLongFunction<T> pageId,
                                                      HttpServletRequest request) {
        return respond(items, items.stream().mapToLong(pageId).boxed().toList(), request);
    }

    /**
     * Answers a page whose paging ids are not the items' own (followers are paged by follow, not by account):
     * {@code pageIds} holds the paging id of each item, in the same order.
     */
    public static <T> ResponseEntity<List<T>> respond(List<T> items, List<Long> pageIds,
                                                      HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (!pageIds.isEmpty()) {
            String next = link(request, "max_id", pageIds.getLast());
            String prev = link(request, "min_id", pageIds.getFirst());
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\", <" + prev + ">; rel=\"prev\"");
        }
        return response.body(items);
    }

    private static String link(HttpServletRequest request, String parameter, long id) {
        return ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("max_id").replaceQueryParam("since_id").replaceQueryParam("min_id")
                .replaceQueryParam(parameter, id).build().toUriString();
    }
}
