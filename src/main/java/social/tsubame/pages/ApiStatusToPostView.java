package social.tsubame.pages;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

import social.tsubame.api.model.ApiStatus;
import social.tsubame.core.Uris;

/** Turns a status as the client API renders it into what a page shows; a boost becomes its original, marked. */
@Component
class ApiStatusToPostView {

    private final Uris uris;

    ApiStatusToPostView(Uris uris) {
        this.uris = uris;
    }

    PostView convert(ApiStatus status) {
        if (status.reblog() != null) {
            return convert(status.reblog(), PostView.Author.of(status.account(), uris.localDomain()));
        }
        return convert(status, null);
    }

    private PostView convert(ApiStatus status, PostView.Author boostedBy) {
        Instant created = Instant.parse(status.createdAt());
        String pageUrl = status.url() != null ? status.url() : status.uri();
        return new PostView(status.id(), pageUrl, PostView.Author.of(status.account(), uris.localDomain()),
                content(status), status.language(), status.spoilerText(), status.sensitive(),
                status.mediaAttachments(), status.createdAt(), PageFormats.dateTime(created),
                status.editedAt() != null, status.visibility(), status.repliesCount(), status.reblogsCount(),
                status.favouritesCount(), boostedBy);
    }

    /**
     * Local posts already link their hashtags here. Remote ones link them to their own server; pointing those at
     * this server's tag page keeps a visitor on the server whose posts they are reading, as Mastodon does.
     */
    private String content(ApiStatus status) {
        if (uris.isLocal(status.uri()) || status.tags().isEmpty()) {
            return status.content();
        }
        Set<String> tags = status.tags().stream().map(tag -> tag.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Document document = Jsoup.parseBodyFragment(status.content());
        for (Element link : document.select("a[href]")) {
            String text = link.text();
            if (text.startsWith("#") && tags.contains(text.substring(1).toLowerCase(Locale.ROOT))) {
                link.attr("href", uris.tag(text.substring(1).toLowerCase(Locale.ROOT)));
            }
        }
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }
}
