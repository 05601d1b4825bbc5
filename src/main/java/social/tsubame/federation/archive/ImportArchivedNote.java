package social.tsubame.federation.archive;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

import social.tsubame.activitystreams.AsNodes;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.core.ApiException;
import social.tsubame.federation.mapping.RemoteHtml;
import social.tsubame.portability.ArchivedPosts;
import social.tsubame.status.ImportStatus;
import social.tsubame.status.Visibility;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Note of an archive (this server's or Mastodon's) into a post of the importing account: its sanitized
 * content, warning, language, audience and publishing date. Mentions, tags, replies and media stay behind: they name
 * accounts and files of the server it came from.
 */
@Component
class ImportArchivedNote implements ArchivedPosts {

    private static final Set<String> PUBLIC = Set.of(JsonLdContext.PUBLIC_COLLECTION, "as:Public", "Public");

    private final ImportStatus importStatus;

    ImportArchivedNote(ImportStatus importStatus) {
        this.importStatus = importStatus;
    }

    @Override
    public void importPost(long accountId, JsonNode post) {
        String id = AsNodes.text(post, "id").orElseThrow(() -> unreadable("it has no id"));
        if (!AsNodes.hasType(post, "Note")) {
            throw unreadable(id + " is a " + AsNodes.typeOf(post) + ", not a Note");
        }
        String spoiler = Jsoup.parse(AsNodes.text(post, "summary").orElse("")).text();
        importStatus.importPost(new ImportStatus.ImportedPost(accountId, id,
                RemoteHtml.sanitize(AsNodes.text(post, "content").orElse("")), spoiler,
                post.path("sensitive").asBoolean(false) || !spoiler.isBlank(), visibility(post), language(post),
                published(post, id)));
    }

    private static Visibility visibility(JsonNode post) {
        List<String> to = AsNodes.idsOf(post.path("to"));
        List<String> cc = AsNodes.idsOf(post.path("cc"));
        if (to.stream().anyMatch(PUBLIC::contains)) {
            return Visibility.PUBLIC;
        }
        if (cc.stream().anyMatch(PUBLIC::contains)) {
            return Visibility.UNLISTED;
        }
        // the author's followers collection on the server the archive comes from
        String followers = AsNodes.idOf(post.path("attributedTo")).map(author -> author + "/followers").orElse("");
        return to.contains(followers) || cc.contains(followers) ? Visibility.PRIVATE : Visibility.DIRECT;
    }

    private static String language(JsonNode post) {
        JsonNode map = post.path("contentMap");
        return map.isObject() && !map.isEmpty() ? map.propertyNames().iterator().next() : null;
    }

    private static Instant published(JsonNode post, String id) {
        try {
            return AsNodes.text(post, "published").map(Instant::parse)
                    .orElseThrow(() -> unreadable(id + " has no publishing date"));
        } catch (DateTimeParseException e) {
            throw unreadable(id + " has a publishing date that is not one");
        }
    }

    private static ApiException unreadable(String why) {
        return ApiException.unprocessable("The post could not be read: " + why);
    }
}
