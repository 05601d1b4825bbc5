package social.tsubame.api.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Mastodon's Status entity. The viewer's own flags ({@code favourited}, {@code reblogged}, ...) are absent for
 * anonymous readers; {@code text} only in the answer to a delete, for redrafting; emoji reactions as Pleroma and
 * Akkoma show them, under {@code pleroma.emoji_reactions}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiStatus(String id, String uri, String url, ApiAccount account, String inReplyToId,
                        String inReplyToAccountId, ApiStatus reblog, String content, String createdAt,
                        String editedAt, List<ApiEmoji> emojis, int repliesCount, int reblogsCount,
                        int favouritesCount, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean favourited,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean reblogged,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean muted,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean bookmarked,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean pinned, boolean sensitive,
                        String spoilerText, String visibility, String language, List<ApiMediaAttachment> mediaAttachments,
                        List<Mention> mentions, List<Tag> tags, Object card, Object poll, Application application,
                        List<ApiFilterResult> filtered, @JsonInclude(JsonInclude.Include.NON_NULL) String text,
                        Pleroma pleroma) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Mention(String id, String username, String url, String acct) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Tag(String name, String url) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Application(String name, String website) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pleroma(List<Reaction> emojiReactions) {
    }

    /** One emoji and how many reacted with it; {@code me} when the viewer did. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reaction(String name, int count, boolean me, String url) {
    }

    /** The status as its author's delete answer shows it: with the source text to edit again. */
    public ApiStatus withSourceText(String sourceText) {
        return new ApiStatus(id, uri, url, account, inReplyToId, inReplyToAccountId, reblog, content, createdAt,
                editedAt, emojis, repliesCount, reblogsCount, favouritesCount, favourited, reblogged, muted,
                bookmarked, pinned, sensitive, spoilerText, visibility, language, mediaAttachments, mentions, tags,
                card, poll, application, filtered, sourceText, pleroma);
    }
}
