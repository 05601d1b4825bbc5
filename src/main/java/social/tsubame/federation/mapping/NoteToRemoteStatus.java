package social.tsubame.federation.mapping;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.activitystreams.AsNodes;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.core.Uris;
import social.tsubame.federation.DomainPolicy;
import social.tsubame.status.ReceiveRemoteStatus.RemoteStatus;
import social.tsubame.status.RemoteEmoji;
import social.tsubame.status.RemoteMedia;
import social.tsubame.status.Visibility;
import tools.jackson.databind.JsonNode;

/**
 * Reads a remote post (Note, Question; Article and Page as a link with their summary) into a status, refusing one
 * that does not come from where its author lives.
 */
@Component
public class NoteToRemoteStatus {

    public static final Set<String> POST_TYPES = Set.of("Note", "Question", "Article", "Page");
    /** More than any server sends; a post carrying hundreds is an attack on whoever displays it. */
    private static final int MAX_ATTACHMENTS = 16;
    private static final Set<String> PUBLIC = Set.of(JsonLdContext.PUBLIC_COLLECTION, "as:Public", "Public");

    private final Accounts accounts;
    private final Uris uris;
    private final DomainPolicy domains;

    public NoteToRemoteStatus(Accounts accounts, Uris uris, DomainPolicy domains) {
        this.accounts = accounts;
        this.uris = uris;
        this.domains = domains;
    }

    /** Thrown for a post we must not believe or cannot read. */
    public static class RejectedPostException extends RuntimeException {
        public RejectedPostException(String message) {
            super(message);
        }
    }

    public RemoteStatus convert(JsonNode post, Account author) {
        String type = AsNodes.typeOf(post);
        if (!POST_TYPES.contains(type)) {
            throw new RejectedPostException("not a post: " + type);
        }
        String id = AsNodes.text(post, "id").orElseThrow(() -> new RejectedPostException("post without id"));
        if (!hostOf(id).equals(author.domain())) {
            throw new RejectedPostException("post " + id + " does not live on its author's server " + author.domain());
        }
        Optional<String> attributedTo = AsNodes.idOf(post.path("attributedTo"));
        if (attributedTo.isEmpty() || !attributedTo.get().equals(author.uri())) {
            throw new RejectedPostException("post " + id + " is attributed to " + attributedTo.orElse("nobody")
                    + ", not to " + author.uri());
        }
        String summary = AsNodes.text(post, "summary").orElse("");
        boolean longForm = type.equals("Article") || type.equals("Page");
        String content = longForm ? linkWithSummary(post, id, summary)
                : RemoteHtml.sanitize(AsNodes.text(post, "content").orElse(""));
        String spoiler = longForm ? "" : Jsoup.parse(summary).text();
        // A server whose media the admin rejects keeps its words here, not its pictures.
        boolean mediaRejected = domains.rejectsMedia(author.domain());
        return new RemoteStatus(
                author.id(),
                id,
                RemoteHtml.httpUrl(AsNodes.url(post.path("url"))).orElse(id),
                content,
                spoiler,
                post.path("sensitive").asBoolean(false) || !spoiler.isBlank(),
                visibility(post, author),
                language(post),
                AsNodes.idOf(post.path("inReplyTo")).orElse(null),
                AsNodes.idOf(post.path("context")).or(() -> AsNodes.text(post, "conversation")).orElse(null),
                published(post),
                mentionedAccounts(post),
                hashtags(post),
                mediaRejected ? List.of() : media(post),
                mediaRejected ? List.of() : emojis(post, author.domain()));
    }

    private static String hostOf(String uri) {
        try {
            return ActorDocumentToProfile.hostOf(URI.create(uri));
        } catch (RuntimeException e) {
            throw new RejectedPostException("not a URI with a host: " + uri);
        }
    }

    private static String linkWithSummary(JsonNode post, String id, String summary) {
        String url = RemoteHtml.httpUrl(AsNodes.url(post.path("url"))).orElse(id);
        String name = AsNodes.text(post, "name").orElse(url);
        String link = "<p><a href=\"" + HtmlUtils.htmlEscape(url) + "\">" + HtmlUtils.htmlEscape(name) + "</a></p>";
        return RemoteHtml.sanitize(link + summary);
    }

    /** Who may see an object or activity, from its addressing. */
    public Visibility visibilityOf(JsonNode addressed, Account author) {
        return visibility(addressed, author);
    }

    private static Visibility visibility(JsonNode post, Account author) {
        List<String> to = AsNodes.idsOf(post.path("to"));
        List<String> cc = AsNodes.idsOf(post.path("cc"));
        if (to.stream().anyMatch(PUBLIC::contains)) {
            return Visibility.PUBLIC;
        }
        if (cc.stream().anyMatch(PUBLIC::contains)) {
            return Visibility.UNLISTED;
        }
        String followers = author.followersUrl();
        if (followers != null && (to.contains(followers) || cc.contains(followers))) {
            return Visibility.PRIVATE;
        }
        return Visibility.DIRECT;
    }

    private List<Long> mentionedAccounts(JsonNode post) {
        List<Long> mentioned = new ArrayList<>();
        for (JsonNode tag : tagsOf(post)) {
            if (!AsNodes.hasType(tag, "Mention")) {
                continue;
            }
            AsNodes.text(tag, "href").flatMap(this::accountOf).ifPresent(account -> mentioned.add(account.id()));
        }
        return mentioned;
    }

    private static List<String> hashtags(JsonNode post) {
        List<String> names = new ArrayList<>();
        for (JsonNode tag : tagsOf(post)) {
            if (AsNodes.hasType(tag, "Hashtag")) {
                AsNodes.text(tag, "name").map(name -> name.startsWith("#") ? name.substring(1) : name)
                        .filter(name -> !name.isBlank())
                        .ifPresent(names::add);
            }
        }
        return names;
    }

    private static List<RemoteMedia> media(JsonNode post) {
        JsonNode attachments = post.path("attachment");
        List<JsonNode> items = attachments.isArray() ? attachments.valueStream().toList()
                : attachments.isObject() ? List.of(attachments) : List.of();
        List<RemoteMedia> media = new ArrayList<>();
        for (JsonNode item : items) {
            Optional<String> url = RemoteHtml.httpUrl(AsNodes.url(item.path("url")));
            if (url.isEmpty() || media.size() >= MAX_ATTACHMENTS) {
                continue;
            }
            String contentType = AsNodes.text(item, "mediaType").orElse("");
            JsonNode focus = item.path("focalPoint");
            media.add(new RemoteMedia(mediaType(contentType), url.get(), contentType.isEmpty() ? null : contentType,
                    AsNodes.text(item, "name").orElse(null), AsNodes.text(item, "blurhash").orElse(null),
                    focus.isArray() && focus.size() == 2 ? clamp(focus.get(0).asDouble()) : null,
                    focus.isArray() && focus.size() == 2 ? clamp(focus.get(1).asDouble()) : null,
                    item.path("width").isInt() ? item.path("width").asInt() : null,
                    item.path("height").isInt() ? item.path("height").asInt() : null));
        }
        return media;
    }

    private static String mediaType(String contentType) {
        if (contentType.equals("image/gif")) {
            return "gifv";
        }
        int slash = contentType.indexOf('/');
        String family = slash < 0 ? "" : contentType.substring(0, slash);
        return switch (family) {
            case "image", "video", "audio" -> family;
            default -> "unknown";
        };
    }

    private static Float clamp(double value) {
        return (float) Math.max(-1, Math.min(1, value));
    }

    private static List<RemoteEmoji> emojis(JsonNode post, String domain) {
        List<RemoteEmoji> emojis = new ArrayList<>();
        for (JsonNode tag : tagsOf(post)) {
            if (!AsNodes.hasType(tag, "Emoji")) {
                continue;
            }
            Optional<String> name = AsNodes.text(tag, "name").map(value -> value.replace(":", ""))
                    .filter(value -> value.matches("[A-Za-z0-9_]{1,64}"));
            Optional<String> image = RemoteHtml.httpUrl(AsNodes.url(tag.path("icon")));
            if (name.isPresent() && image.isPresent()) {
                emojis.add(new RemoteEmoji(name.get(), domain, AsNodes.text(tag, "id").orElse(null), image.get()));
            }
        }
        return emojis;
    }

    private static List<JsonNode> tagsOf(JsonNode post) {
        JsonNode tags = post.path("tag");
        return tags.isArray() ? tags.valueStream().toList() : tags.isObject() ? List.of(tags) : List.of();
    }

    private Optional<Account> accountOf(String actorUri) {
        Optional<String> local = uris.localUsername(actorUri);
        return local.isPresent() ? accounts.findLocal(local.get()) : accounts.findByUri(actorUri);
    }

    private static String language(JsonNode post) {
        JsonNode map = post.path("contentMap");
        return map.isObject() && map.size() > 0 ? map.propertyNames().iterator().next() : null;
    }

    private static Instant published(JsonNode post) {
        try {
            return AsNodes.text(post, "published").map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
