package social.tsubame.activitystreams;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An {@code OrderedCollection}, or one {@code OrderedCollectionPage} of it.
 *
 * @param first the first page, on the collection
 * @param next  the following page, on a page that has one
 */
public record OrderedCollection(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        Long totalItems,
        String first,
        String partOf,
        String next,
        List<Object> orderedItems) {

    public static OrderedCollection collection(String id, long totalItems, String first) {
        return new OrderedCollection(JsonLdContext.ACTIVITY_STREAMS, id, "OrderedCollection", totalItems, first, null,
                null, null);
    }

    public static OrderedCollection page(String id, String partOf, String next, List<Object> items) {
        return new OrderedCollection(JsonLdContext.ACTIVITY_STREAMS, id, "OrderedCollectionPage", null, null, partOf,
                next, items);
    }
}
