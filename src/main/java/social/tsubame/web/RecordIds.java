package social.tsubame.web;

import social.tsubame.core.ApiException;

/**
 * Ids of records as requests name them. One that is not a number names no record: a 404, as Mastodon answers,
 * rather than the 400 a typed path variable would give.
 */
public final class RecordIds {

    private RecordIds() {
    }

    public static long required(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw ApiException.notFound();
        }
    }

    /** Null for an id left out or blank. */
    public static Long optional(String id) {
        return id == null || id.isBlank() ? null : required(id);
    }
}
