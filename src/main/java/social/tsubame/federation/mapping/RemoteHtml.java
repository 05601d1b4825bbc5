package social.tsubame.federation.mapping;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Cleans HTML from other servers before it is stored: text formatting, links, mentions and hashtags survive; scripts,
 * styles, embeds and event handlers do not. Links get {@code rel="nofollow noopener noreferrer"} and open in a new
 * tab.
 */
public final class RemoteHtml {

    private static final Safelist ALLOWED = Safelist.none()
            .addTags("p", "br", "span", "a", "del", "s", "pre", "code", "em", "strong", "b", "i", "u", "ul", "ol",
                    "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")
            .addAttributes("a", "href", "rel", "class", "translate")
            .addAttributes("span", "class", "translate")
            .addAttributes("ol", "start", "reversed")
            .addAttributes("li", "value")
            .addProtocols("a", "href", "http", "https", "dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "xmpp",
                    "magnet", "gemini")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private RemoteHtml() {
    }

    /** The classes microformats and Mastodon's markup use; others could dress remote text up as our interface. */
    private static final Pattern ALLOWED_CLASS =
            Pattern.compile("(h|p|u|dt|e)-[\\w-]+|mention|hashtag|ellipsis|invisible");

    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document clean = Jsoup.parseBodyFragment(Jsoup.clean(html, "", ALLOWED, COMPACT));
        clean.outputSettings(COMPACT);
        for (Element element : clean.select("[class]")) {
            String kept = element.classNames().stream().filter(name -> ALLOWED_CLASS.matcher(name).matches())
                    .collect(Collectors.joining(" "));
            if (kept.isEmpty()) {
                element.removeAttr("class");
            } else {
                element.attr("class", kept);
            }
        }
        return clean.body().html();
    }

    /** A link from another server, if it is one a browser may safely follow. */
    public static Optional<String> httpUrl(Optional<String> url) {
        return url.filter(value -> value.startsWith("https://") || value.startsWith("http://"));
    }
}
