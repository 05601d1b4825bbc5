package social.tsubame.notification;

import java.util.Set;

/**
 * Which of an account's notifications to list, in the terms of the Mastodon API. Bounds are exclusive; a page always
 * comes newest first.
 *
 * @param maxId         only older than this
 * @param sinceId       only newer than this: the newest page
 * @param minId         only newer than this: the page right above it, for reading forward; wins over
 *                      {@code sinceId}
 * @param limit         at most this many, clamped to 1–{@value #MAX_LIMIT}
 * @param types         only these types; empty for every type
 * @param excludeTypes  none of these types
 * @param fromAccountId only from this account; null for anyone
 */
public record NotificationQuery(Long maxId, Long sinceId, Long minId, int limit, Set<NotificationType> types,
                                Set<NotificationType> excludeTypes, Long fromAccountId) {

    public static final int DEFAULT_LIMIT = 40;
    public static final int MAX_LIMIT = 80;

    public NotificationQuery {
        limit = Math.clamp(limit, 1, MAX_LIMIT);
        types = types == null ? Set.of() : Set.copyOf(types);
        excludeTypes = excludeTypes == null ? Set.of() : Set.copyOf(excludeTypes);
    }
}
