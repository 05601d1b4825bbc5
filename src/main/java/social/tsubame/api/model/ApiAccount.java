package social.tsubame.api.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Mastodon's Account entity. {@code source} and {@code role} only for the signed-in user's own account. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiAccount(String id, String username, String acct, String displayName, boolean locked, boolean bot,
                         boolean discoverable, boolean indexable, boolean group, String createdAt, String note,
                         String url, String uri, String avatar, String avatarStatic, String header,
                         String headerStatic, int followersCount, int followingCount, long statusesCount,
                         String lastStatusAt, boolean hideCollections, boolean noindex, List<ApiEmoji> emojis,
                         List<Field> fields, @JsonInclude(JsonInclude.Include.NON_NULL) ApiAccount moved,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Source source,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Role role) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Field(String name, String value, String verifiedAt) {
    }

    /** What the user wrote, for editing their profile and for defaults in the composer. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Source(String note, List<Field> fields, String privacy, boolean sensitive, String language,
                         int followRequestsCount, boolean hideCollections, boolean discoverable,
                         boolean indexable) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Role(String id, String name, String permissions, String color, boolean highlighted) {
    }

    public ApiAccount withMoved(ApiAccount target) {
        return new ApiAccount(id, username, acct, displayName, locked, bot, discoverable, indexable, group, createdAt,
                note, url, uri, avatar, avatarStatic, header, headerStatic, followersCount, followingCount,
                statusesCount, lastStatusAt, hideCollections, noindex, emojis, fields, target, source, role);
    }

    public ApiAccount withCredentials(Source source, Role role) {
        return new ApiAccount(id, username, acct, displayName, locked, bot, discoverable, indexable, group, createdAt,
                note, url, uri, avatar, avatarStatic, header, headerStatic, followersCount, followingCount,
                statusesCount, lastStatusAt, hideCollections, noindex, emojis, fields, moved, source, role);
    }
}
